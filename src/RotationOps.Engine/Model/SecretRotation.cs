using System;

namespace RotationOps;

/// <summary>
/// What Invoke-SecretRotation produces, one per secret. Pipes into Test-RotatedSecret,
/// Publish-LambdaCanary and Undo-Deployment by property name (SecretId, VersionId,
/// PreviousVersionId, DeploymentId). Holds no secret value.
/// </summary>
public sealed class SecretRotation
{
    /// <summary>The secret's ARN.</summary>
    public string SecretId { get; set; } = "";
    public string Name { get; set; } = "";
    public RotationMode Mode { get; set; }
    public RotationStatus Status { get; set; }
    /// <summary>The version this rotation made (the ClientRequestToken).</summary>
    public string? VersionId { get; set; }
    /// <summary>The version that was AWSCURRENT before: where Undo-Deployment goes back to.</summary>
    public string? PreviousVersionId { get; set; }
    public string? RotationLambdaArn { get; set; }
    /// <summary>The journal id: Undo-Deployment -DeploymentId and resuming use it.</summary>
    public string DeploymentId { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public TimeSpan? Duration => FinishedAt - StartedAt;
    /// <summary>What happened, in a sentence (why it failed, what to do next).</summary>
    public string Message { get; set; } = "";

    public override string ToString() => $"{Name} {Status} {VersionId}";
}
