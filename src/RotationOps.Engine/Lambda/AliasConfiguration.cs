using System.Collections.Generic;

namespace RotationOps.Engine.Lambda;

public sealed class AliasConfiguration
{
    public string AliasArn { get; set; } = "";
    public string Name { get; set; } = "";
    public string FunctionVersion { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>RoutingConfig.AdditionalVersionWeights: at most one published version and its weight (0–1).</summary>
    public IReadOnlyDictionary<string, double> AdditionalVersionWeights { get; set; } = new Dictionary<string, double>();
    public string? RevisionId { get; set; }
}
