using System;
using System.Collections.Generic;
using RotationOps.Sandbox.RotationFunctions;

namespace RotationOps.Sandbox.Lambda;

/// <summary>
/// Every Lambda function in the Sandbox's one account and region. Callers hold <see cref="Gate"/>
/// for a whole operation. Registered rotation functions are adopted as ordinary functions here, so
/// the Lambda API sees what Secrets Manager invokes.
/// </summary>
/// <remarks>
/// Lock order: <see cref="Gate"/> may be held while taking the Secrets Manager store's lock (an
/// invocation reading its secret) and the policies' lock, never the other way round. That is why
/// rotation functions are adopted lazily here rather than pushed in by the registry, whose callers
/// may hold the Secrets Manager lock.
/// </remarks>
internal sealed class FunctionStore(string region, string accountId, RotationFunctionRegistry rotationFunctions)
{
    private readonly SortedDictionary<string, LambdaFunction> functions = new(StringComparer.Ordinal);
    private int adoptedGeneration;

    public object Gate { get; } = new();

    public string Region { get; } = region;

    public string AccountId { get; } = accountId;

    /// <summary>Every function, by name.</summary>
    public IEnumerable<LambdaFunction> All => functions.Values;

    public string ArnOf(string nameWithQualifier) => $"arn:aws:lambda:{Region}:{AccountId}:function:{nameWithQualifier}";

    public LambdaFunction? Find(string name) => functions.GetValueOrDefault(name);

    public LambdaFunction Require(FunctionReference reference) =>
        Find(reference.Name) ?? throw LambdaErrors.FunctionNotFound(ArnOf(reference.Display));

    /// <summary>
    /// The version a reference names: $LATEST when unqualified, a version by number, or the version an
    /// alias points at (its primary version; routing is the invoker's business).
    /// </summary>
    public (LambdaFunction Function, FunctionVersion Version, FunctionAlias? Alias) Resolve(FunctionReference reference)
    {
        var function = Require(reference);
        if (reference.Qualifier is not { } qualifier)
        {
            return (function, function.Latest, null);
        }

        if (function.FindVersion(qualifier) is { } version)
        {
            return (function, version, null);
        }

        return function.Aliases.GetValueOrDefault(qualifier) is { } alias
            ? (function, function.RequireVersion(alias.FunctionVersion), alias)
            : throw LambdaErrors.FunctionNotFound(function.QualifiedArn(qualifier));
    }

    public LambdaFunction Add(string name, FunctionVersion latest)
    {
        if (functions.ContainsKey(name))
        {
            throw LambdaErrors.FunctionExists(name);
        }

        var function = new LambdaFunction(name, ArnOf(name), latest);
        functions.Add(name, function);
        return function;
    }

    /// <summary>
    /// Deletes a function. A registered rotation function leaves the registry too: Secrets Manager
    /// finds nothing to invoke from then on, as on AWS once the function is deleted.
    /// </summary>
    public void Remove(LambdaFunction function)
    {
        functions.Remove(function.Name);
        rotationFunctions.Forget(function.Name);
    }

    /// <summary>Creates, Active at once, a function for every rotation function registered since the last call.</summary>
    public void AdoptRotationFunctions(DateTimeOffset now)
    {
        var generation = rotationFunctions.Generation;
        if (generation == adoptedGeneration)
        {
            return;
        }

        adoptedGeneration = generation;
        foreach (var rotation in rotationFunctions.All)
        {
            if (functions.ContainsKey(rotation.Name))
            {
                continue;
            }

            var settings = new FunctionSettings(
                "python3.12",
                $"arn:aws:iam::{AccountId}:role/{rotation.Name}-role",
                "lambda_function.lambda_handler",
                "Secrets Manager rotation function (runs natively in the Sandbox)",
                30,
                FunctionSettings.DefaultMemorySize,
                null,
                null);
            Add(rotation.Name, new FunctionVersion(FunctionVersion.Latest, settings, FunctionCode.EmptyZip, now, now, new LambdaBehavior()));
        }
    }
}
