using System;

namespace RotationOps;

/// <summary>What Undo-Deployment did: an alias put back on one version, or AWSCURRENT moved back.</summary>
public sealed class RollbackResult
{
    public string DeploymentId { get; set; } = "";
    public RollbackKind Kind { get; set; }
    /// <summary>function:alias, or the secret's ARN.</summary>
    public string Target { get; set; } = "";
    public string FromVersion { get; set; } = "";
    public string ToVersion { get; set; } = "";
    public RollbackStatus Status { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public string Message { get; set; } = "";
}
