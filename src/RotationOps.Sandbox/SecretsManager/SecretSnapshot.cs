using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.SecretsManager.Rotation;

namespace RotationOps.Sandbox.SecretsManager;

/// <summary>A read-only copy of one secret's state, for assertions. It never holds a secret value.</summary>
/// <param name="Arn">Secret ARN.</param>
/// <param name="Name">Secret name.</param>
/// <param name="CreatedDate">When the secret was created (virtual time).</param>
/// <param name="LastChangedDate">Last modification of any kind.</param>
/// <param name="LastRotatedDate">Last successful rotation, if any.</param>
/// <param name="DeletedDate">When DeleteSecret was called, if the secret is marked for deletion.</param>
/// <param name="RotationEnabled">Null when rotation was never configured.</param>
/// <param name="RotationLambdaArn">The configured rotation function, if any.</param>
/// <param name="NextRotationDate">As DescribeSecret reports it.</param>
/// <param name="RotationInProgress">Whether rotation steps are still due.</param>
/// <param name="Versions">Every version, deprecated ones included, oldest first.</param>
/// <param name="RotationEvents">Rotation milestones, oldest first.</param>
public sealed record SecretSnapshot(
    string Arn,
    string Name,
    DateTimeOffset CreatedDate,
    DateTimeOffset LastChangedDate,
    DateTimeOffset? LastRotatedDate,
    DateTimeOffset? DeletedDate,
    bool? RotationEnabled,
    string? RotationLambdaArn,
    DateTimeOffset? NextRotationDate,
    bool RotationInProgress,
    IReadOnlyList<SecretVersionSnapshot> Versions,
    IReadOnlyList<RotationEvent> RotationEvents)
{
    /// <summary>The id of the version carrying <paramref name="stage"/>, or null.</summary>
    public string? VersionIdWithStage(string stage) => Versions.FirstOrDefault(v => v.Stages.Contains(stage))?.VersionId;

    /// <summary>The labels on a version; empty for a deprecated or unknown version.</summary>
    public IReadOnlyList<string> StagesOf(string versionId) =>
        Versions.FirstOrDefault(v => v.VersionId == versionId)?.Stages ?? [];
}
