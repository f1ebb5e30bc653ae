using System;
using System.Collections.Generic;

namespace RotationOps.Sandbox.Lambda;

/// <summary>A named pointer at a version, optionally sending a weighted share of invocations to a second one.</summary>
internal sealed class FunctionAlias(string name, string arn, string functionVersion)
{
    private readonly CreditAccumulator routingCredit = new();

    public string Name { get; } = name;

    public string Arn { get; } = arn;

    public string FunctionVersion { get; set; } = functionVersion;

    public string Description { get; set; } = string.Empty;

    public AliasRouting? Routing { get; set; }

    public string RevisionId { get; set; } = Guid.NewGuid().ToString();

    /// <summary>The routing as AliasConfiguration spells it: the additional version and its weight, or empty.</summary>
    public IReadOnlyDictionary<string, double> Weights =>
        Routing is { } routing ? new Dictionary<string, double> { [routing.Version] = routing.Weight } : new Dictionary<string, double>();

    /// <summary>How many of <paramref name="invocations"/> go to the additional version; the rest go to <see cref="FunctionVersion"/>.</summary>
    public long TakeAdditional(long invocations) => Routing is { } routing ? routingCredit.Take(invocations, routing.Weight) : 0;
}
