using System;
using System.Collections.Generic;

namespace RotationOps.Sandbox.SecretsManager;

/// <summary>A read-only copy of one version: its labels and whether it holds a value, never the value itself.</summary>
/// <param name="VersionId">The version id (the ClientRequestToken that made it).</param>
/// <param name="Stages">Staging labels, empty when deprecated.</param>
/// <param name="HasValue">False for RotateSecret's empty AWSPENDING placeholder.</param>
/// <param name="CreatedDate">When the version was created (virtual time).</param>
public sealed record SecretVersionSnapshot(string VersionId, IReadOnlyList<string> Stages, bool HasValue, DateTimeOffset CreatedDate)
{
    /// <summary>Whether the version has no labels left.</summary>
    public bool IsDeprecated => Stages.Count == 0;
}
