using System;
using System.Collections.Generic;
using RotationOps.Engine.Aws;

namespace RotationOps.Engine.Canary;

/// <summary>
/// A canary of one function behind one alias while it runs, and as the journal's record of it
/// (<see cref="Journal.Records.DeploymentRecords"/>): what Publish-LambdaCanary starts and
/// Set-AliasWeight moves along, step by step. The user sees it only as the immutable
/// <see cref="LambdaDeployment"/> it projects, at the end of each command and at each health check.
/// </summary>
internal sealed class CanaryRun
{
    public string DeploymentId { get; set; } = "";
    public string FunctionName { get; set; } = "";
    public string AliasName { get; set; } = "";
    public string? AliasArn { get; set; }
    /// <summary>The version the alias served before the canary: the rollback target.</summary>
    public string StableVersion { get; set; } = "";
    /// <summary>The version under test.</summary>
    public string CanaryVersion { get; set; } = "";
    /// <summary>Share of the alias's traffic on the canary now (0–1).</summary>
    public double Weight { get; set; }
    public DeploymentStatus Status { get; set; }
    /// <summary>What the canary version changes, e.g. "Runtime: python3.8 -> python3.11", "Environment LOG_LEVEL: changed (sha256 1a2b3c4d)".</summary>
    public IReadOnlyList<string> Changes { get; set; } = Array.Empty<string>();
    /// <summary>Set when the canary tries a staged secret version (the secret-rotation canary).</summary>
    public string? SecretId { get; set; }
    public string? SecretVersionId { get; set; }
    public string? PreviousSecretVersionId { get; set; }
    public IReadOnlyList<DeploymentStep> Steps { get; set; } = Array.Empty<DeploymentStep>();
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string Message { get; set; } = "";

    /// <summary>The deployment as it stands now, fixed.</summary>
    public LambdaDeployment Project(AwsLocation location) =>
        new LambdaDeployment(DeploymentId, FunctionName, AliasName, AliasArn, StableVersion, CanaryVersion, Weight, Status, Changes,
            SecretId, SecretVersionId, PreviousSecretVersionId, Steps, StartedAt, FinishedAt, Message, location.Region, location.ProfileName);
}
