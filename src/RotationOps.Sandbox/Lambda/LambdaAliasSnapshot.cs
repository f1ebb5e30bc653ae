using System.Collections.Generic;

namespace RotationOps.Sandbox.Lambda;

/// <summary>An alias: its version and routing, in the shape of AliasConfiguration.</summary>
/// <param name="Name">Alias name.</param>
/// <param name="FunctionVersion">The primary version.</param>
/// <param name="AdditionalVersionWeights">The routed version and its weight; empty without routing.</param>
/// <param name="RevisionId">Current revision.</param>
public sealed record LambdaAliasSnapshot(
    string Name,
    string FunctionVersion,
    IReadOnlyDictionary<string, double> AdditionalVersionWeights,
    string RevisionId);
