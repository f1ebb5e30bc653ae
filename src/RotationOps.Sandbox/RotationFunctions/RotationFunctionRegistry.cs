using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RotationOps.Sandbox.Lambda;

namespace RotationOps.Sandbox.RotationFunctions;

/// <summary>
/// Rotation functions that run natively inside the Sandbox, addressable by Lambda ARN
/// (<c>arn:aws:lambda:&lt;region&gt;:&lt;account&gt;:function:&lt;name&gt;</c>) as if they were deployed.
/// Each is also a Lambda function (GetFunctionConfiguration, GetPolicy), and its
/// <see cref="RotationFunctionBehavior.AllowSecretsManagerInvoke"/> is its resource policy: registering
/// writes the policy, and Lambda's AddPermission or RemovePermission for secretsmanager.amazonaws.com
/// changes what <see cref="Find"/> and <see cref="All"/> report. Lambda's DeleteFunction unregisters it.
/// </summary>
public sealed class RotationFunctionRegistry
{
    private readonly ConcurrentDictionary<string, RotationFunction> functions = new(StringComparer.Ordinal);
    private readonly string region;
    private readonly string accountId;
    private readonly FunctionPolicies policies;
    private int generation;

    internal RotationFunctionRegistry(string region, string accountId, FunctionPolicies policies)
    {
        this.region = region;
        this.accountId = accountId;
        this.policies = policies;
    }

    /// <summary>Changes with every registration, so Lambda adopts new functions without rescanning on every call.</summary>
    internal int Generation => Volatile.Read(ref generation);

    /// <summary>Registers (or replaces) a function and returns its ARN.</summary>
    public string Register(string name, RotationFunctionBehavior behavior)
    {
        FunctionNames.EnsureValid(name, nameof(name));
        ArgumentNullException.ThrowIfNull(behavior);

        var function = new RotationFunction(name, $"arn:aws:lambda:{region}:{accountId}:function:{name}", behavior);
        policies.SetSecretsManagerInvoke(name, function.Arn, behavior.AllowSecretsManagerInvoke);
        functions[name] = function;
        Interlocked.Increment(ref generation);
        return function.Arn;
    }

    /// <summary>
    /// Drops a function whose Lambda function was deleted. The generation stays: there is nothing new
    /// to adopt, and registering the name again brings the function back.
    /// </summary>
    internal void Forget(string name) => functions.TryRemove(name, out _);

    /// <summary>The registered functions.</summary>
    public IReadOnlyCollection<RotationFunction> All => functions.Values.Select(WithPolicy).ToList();

    /// <summary>
    /// Finds the function a rotation Lambda ARN names (a version or alias qualifier is allowed);
    /// null when the ARN names no registered function in this account and region.
    /// </summary>
    public RotationFunction? Find(string lambdaArn)
    {
        var prefix = $"arn:aws:lambda:{region}:{accountId}:function:";
        if (!lambdaArn.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = lambdaArn[prefix.Length..].Split(':')[0];
        return functions.GetValueOrDefault(name) is { } function ? WithPolicy(function) : null;
    }

    private RotationFunction WithPolicy(RotationFunction function) =>
        function with
        {
            Behavior = function.Behavior with
            {
                AllowSecretsManagerInvoke = policies.AllowsInvoke(function.Name, FunctionPolicies.SecretsManagerPrincipal),
            },
        };
}
