using System;

namespace RotationOps;

/// <summary>
/// What Invoke-SecretRotation produces, one per secret: a rotation's outcome, fixed once written.
/// Pipes into Test-RotatedSecret, Publish-LambdaCanary and Undo-Deployment by property name
/// (SecretId, VersionId, PreviousVersionId, DeploymentId, Region, ProfileName). Holds no secret value.
/// </summary>
public sealed class SecretRotation
{
    public SecretRotation(string secretId, string name, RotationMode mode, RotationStatus status, string? versionId, string? previousVersionId,
        string? rotationLambdaArn, string deploymentId, DateTimeOffset startedAt, DateTimeOffset? finishedAt, string message, string region, string? profileName)
    {
        SecretId = secretId;
        Name = name;
        Mode = mode;
        Status = status;
        VersionId = versionId;
        PreviousVersionId = previousVersionId;
        RotationLambdaArn = rotationLambdaArn;
        DeploymentId = deploymentId;
        StartedAt = startedAt;
        FinishedAt = finishedAt;
        Message = message;
        Region = region;
        ProfileName = profileName;
    }

    /// <summary>The secret's ARN.</summary>
    public string SecretId { get; }

    public string Name { get; }

    public RotationMode Mode { get; }

    public RotationStatus Status { get; }

    /// <summary>The version this rotation made (the ClientRequestToken).</summary>
    public string? VersionId { get; }

    /// <summary>The version that was AWSCURRENT before: where Undo-Deployment goes back to.</summary>
    public string? PreviousVersionId { get; }

    public string? RotationLambdaArn { get; }

    /// <summary>The journal id: Undo-Deployment -DeploymentId and resuming use it.</summary>
    public string DeploymentId { get; }

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset? FinishedAt { get; }

    public TimeSpan? Duration => FinishedAt - StartedAt;

    /// <summary>What happened, in a sentence (why it failed, what to do next).</summary>
    public string Message { get; }

    /// <summary>The secret's region: the next cmdlet in the pipeline binds it as -Region.</summary>
    public string Region { get; }

    /// <summary>The named profile the calls used (null for the default chain): the next cmdlet binds it as -ProfileName.</summary>
    public string? ProfileName { get; }

    public override string ToString() => $"{Name} {Status} {VersionId}";
}
