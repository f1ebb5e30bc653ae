using System;

namespace RotationOps.Engine.Journal.Records;

/// <summary>
/// One rotation as the journal records it: the single answer to "where is this rotation?",
/// read by resume, -Complete, undo and the "is one in flight?" checks. Immutable: a transition
/// is a new journal entry, and reading the journal again gives the new record.
/// </summary>
public sealed class RotationRecord
{
    public RotationRecord(string deploymentId, string secretArn, RotationMode mode, RotationState state, string? versionId,
        string? previousVersionId, string? rotationLambdaArn, DateTimeOffset startedAt, bool valueStaged)
    {
        DeploymentId = deploymentId;
        SecretArn = secretArn;
        Mode = mode;
        State = state;
        VersionId = versionId;
        PreviousVersionId = previousVersionId;
        RotationLambdaArn = rotationLambdaArn;
        StartedAt = startedAt;
        ValueStaged = valueStaged;
    }

    public string DeploymentId { get; }

    public string SecretArn { get; }

    public RotationMode Mode { get; }

    public RotationState State { get; }

    /// <summary>The version the rotation makes (its ClientRequestToken).</summary>
    public string? VersionId { get; }

    /// <summary>AWSCURRENT when it started: where an undo goes back to.</summary>
    public string? PreviousVersionId { get; }

    public string? RotationLambdaArn { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>
    /// This module stored the version's value itself (a manual rotation's PutSecretValue): only
    /// such a value is known to be whole and meant to go live. A rotation function's version never is.
    /// </summary>
    public bool ValueStaged { get; }

    /// <summary>Still open: a re-run of the same command picks it up instead of starting anew.</summary>
    public bool InFlight => State == RotationState.Started || State == RotationState.Staged || State == RotationState.Interrupted;
}
