using System;
using System.Collections.Generic;

namespace RotationOps.Sandbox.Lambda.Invocation;

/// <summary>
/// The dimension sets one invocation target publishes under: {FunctionName}, {FunctionName, Resource}
/// and, for calls through an alias, {FunctionName, Resource, ExecutedVersion} per version. Resource is
/// the function name, with <c>:qualifier</c> when the call named one (<c>orders:live</c>, <c>orders:3</c>).
/// Built once per target so minutes of traffic reuse the same dictionaries.
/// </summary>
internal sealed class InvocationSeries
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> executed = new(StringComparer.Ordinal);
    private readonly string functionName;
    private readonly string resource;

    public InvocationSeries(string functionName, string? qualifier)
    {
        this.functionName = functionName;
        resource = qualifier is null ? functionName : $"{functionName}:{qualifier}";
        Function = new Dictionary<string, string> { ["FunctionName"] = functionName };
        Resource = new Dictionary<string, string> { ["FunctionName"] = functionName, ["Resource"] = resource };
    }

    public IReadOnlyDictionary<string, string> Function { get; }

    public IReadOnlyDictionary<string, string> Resource { get; }

    public IReadOnlyDictionary<string, string> Executed(string version)
    {
        if (!executed.TryGetValue(version, out var dimensions))
        {
            dimensions = new Dictionary<string, string> { ["FunctionName"] = functionName, ["Resource"] = resource, ["ExecutedVersion"] = version };
            executed[version] = dimensions;
        }

        return dimensions;
    }
}
