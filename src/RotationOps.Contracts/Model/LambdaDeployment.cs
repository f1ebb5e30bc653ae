using System;
using System.Collections.Generic;
using RotationOps.Engine.Text;

namespace RotationOps;

/// <summary>
/// A canary of one function behind one alias, as Publish-LambdaCanary started it or Set-AliasWeight
/// left it: fixed once written. Pipes into Set-AliasWeight and Undo-Deployment by property name
/// (FunctionName, AliasName, DeploymentId, Region, ProfileName). Environment values never appear here.
/// </summary>
public sealed class LambdaDeployment
{
    public LambdaDeployment(string deploymentId, string functionName, string aliasName, string? aliasArn, string stableVersion, string canaryVersion,
        double weight, DeploymentStatus status, IReadOnlyList<string> changes, string? secretId, string? secretVersionId, string? previousSecretVersionId,
        IReadOnlyList<DeploymentStep> steps, DateTimeOffset startedAt, DateTimeOffset? finishedAt, string message, string region, string? profileName)
    {
        DeploymentId = deploymentId;
        FunctionName = functionName;
        AliasName = aliasName;
        AliasArn = aliasArn;
        StableVersion = stableVersion;
        CanaryVersion = canaryVersion;
        Weight = weight;
        Status = status;
        Changes = changes;
        SecretId = secretId;
        SecretVersionId = secretVersionId;
        PreviousSecretVersionId = previousSecretVersionId;
        Steps = steps;
        StartedAt = startedAt;
        FinishedAt = finishedAt;
        Message = message;
        Region = region;
        ProfileName = profileName;
    }

    public string DeploymentId { get; }

    public string FunctionName { get; }

    public string AliasName { get; }

    public string? AliasArn { get; }

    /// <summary>The version the alias served before the canary: the rollback target.</summary>
    public string StableVersion { get; }

    /// <summary>The version under test.</summary>
    public string CanaryVersion { get; }

    /// <summary>Share of the alias's traffic on the canary (0–1).</summary>
    public double Weight { get; }

    public DeploymentStatus Status { get; }

    /// <summary>What the canary version changes, e.g. "Runtime: python3.8 -> python3.11", "Environment LOG_LEVEL: changed (sha256 1a2b3c4d)".</summary>
    public IReadOnlyList<string> Changes { get; }

    /// <summary>Set when the canary tries a staged secret version (the secret-rotation canary).</summary>
    public string? SecretId { get; }

    public string? SecretVersionId { get; }

    public string? PreviousSecretVersionId { get; }

    /// <summary>The initial canary step, then every shift, each with its gates' evidence.</summary>
    public IReadOnlyList<DeploymentStep> Steps { get; }

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset? FinishedAt { get; }

    public string Message { get; }

    /// <summary>The function's region: the next cmdlet in the pipeline binds it as -Region.</summary>
    public string Region { get; }

    /// <summary>The named profile the calls used (null for the default chain): the next cmdlet binds it as -ProfileName.</summary>
    public string? ProfileName { get; }

    public override string ToString() => $"{FunctionName}:{AliasName} {StableVersion}->{CanaryVersion} {Percent.Of(Weight, 0)} {Status}";
}
