using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace RotationOps.Sandbox.RotationFunctions;

/// <summary>
/// Rotation functions that run natively inside the Sandbox, addressable by Lambda ARN
/// (<c>arn:aws:lambda:&lt;region&gt;:&lt;account&gt;:function:&lt;name&gt;</c>) as if they were deployed.
/// </summary>
public sealed class RotationFunctionRegistry
{
    private readonly ConcurrentDictionary<string, RotationFunction> functions = new(StringComparer.Ordinal);
    private readonly string region;
    private readonly string accountId;

    internal RotationFunctionRegistry(string region, string accountId)
    {
        this.region = region;
        this.accountId = accountId;
    }

    /// <summary>Registers (or replaces) a function and returns its ARN.</summary>
    public string Register(string name, RotationFunctionBehavior behavior)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(behavior);
        if (name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) || name.Length > 64)
        {
            throw new ArgumentException("A function name is 1-64 letters, digits, hyphens or underscores.", nameof(name));
        }

        var function = new RotationFunction(name, $"arn:aws:lambda:{region}:{accountId}:function:{name}", behavior);
        functions[name] = function;
        return function.Arn;
    }

    /// <summary>The registered functions.</summary>
    public IReadOnlyCollection<RotationFunction> All => functions.Values.ToList();

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
        return functions.GetValueOrDefault(name);
    }
}
