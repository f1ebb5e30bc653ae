using System;
using RotationOps.Engine.Aws;

namespace RotationOps.Engine.Rotation;

/// <summary>
/// One rotation while it runs: what its steps learn (the version id it makes, the one it replaces,
/// the function doing it) before its outcome is known. The user never sees it; the steps end it
/// with <see cref="RotationContext.FinishAsync"/>, which journals the outcome and projects it into
/// the immutable <see cref="SecretRotation"/> written to the pipeline.
/// </summary>
internal sealed class RotationRun
{
    public RotationRun(string secretArn, string name, RotationMode mode, string deploymentId, DateTimeOffset startedAt)
    {
        SecretArn = secretArn;
        Name = name;
        Mode = mode;
        DeploymentId = deploymentId;
        StartedAt = startedAt;
    }

    public string SecretArn { get; }

    public string Name { get; }

    public RotationMode Mode { get; }

    public string DeploymentId { get; }

    public DateTimeOffset StartedAt { get; }

    public string? VersionId { get; set; }

    public string? PreviousVersionId { get; set; }

    public string? RotationLambdaArn { get; set; }

    /// <summary>The rotation as it ended, for the pipeline.</summary>
    public SecretRotation Project(RotationStatus status, string message, DateTimeOffset finishedAt, AwsLocation location) =>
        new SecretRotation(SecretArn, Name, Mode, status, VersionId, PreviousVersionId, RotationLambdaArn, DeploymentId, StartedAt, finishedAt, message,
            location.Region, location.ProfileName);
}
