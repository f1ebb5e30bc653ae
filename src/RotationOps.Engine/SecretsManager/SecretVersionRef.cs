using System.Collections.Generic;

namespace RotationOps.Engine.SecretsManager;

/// <summary>What the mutating operations answer: which secret, which version, its labels.</summary>
public sealed class SecretVersionRef
{
    public string Arn { get; set; } = "";
    public string Name { get; set; } = "";
    public string? VersionId { get; set; }
    public IReadOnlyList<string> VersionStages { get; set; } = new string[0];
}
