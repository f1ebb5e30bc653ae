using System;

namespace RotationOps.Engine.Journal.Locks;

/// <summary>
/// Who holds the deployment lock on one target (an alias or a secret), as the lock store keeps
/// it: the workflow (deployment id and a token of this run), the caller, and the process, so a
/// refused deployer is told who to wait for and whether that holder is still alive.
/// </summary>
public sealed class TargetLease
{
    public string Target { get; set; } = "";
    public string DeploymentId { get; set; } = "";

    /// <summary>One per acquisition: two runs of the same deployment are still two holders.</summary>
    public string Token { get; set; } = "";

    public string Caller { get; set; } = "";
    public string Host { get; set; } = "";
    public int ProcessId { get; set; }
    public DateTimeOffset ProcessStartedAt { get; set; }
    public DateTimeOffset Since { get; set; }

    /// <summary>Renewed while the holder works (long bakes); past it, anyone may take the lock.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
