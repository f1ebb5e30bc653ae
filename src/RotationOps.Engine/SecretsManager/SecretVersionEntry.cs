using System;
using System.Collections.Generic;

namespace RotationOps.Engine.SecretsManager;

/// <summary>One version as ListSecretVersionIds describes it (metadata only, never a value).</summary>
public sealed class SecretVersionEntry
{
    public string VersionId { get; set; } = "";
    public IReadOnlyList<string> VersionStages { get; set; } = new string[0];
    public DateTimeOffset? CreatedDate { get; set; }
    public DateTimeOffset? LastAccessedDate { get; set; }
}
