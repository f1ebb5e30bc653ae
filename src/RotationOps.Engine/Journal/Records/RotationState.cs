namespace RotationOps.Engine.Journal.Records;

/// <summary>
/// Where a rotation stands in the journal:
/// Started → (Staged) → Completed | Pending | Failed, with Interrupted (Ctrl+C, a crash seen later)
/// and NotRun (-WhatIf, declined) on the way.
/// </summary>
public enum RotationState
{
    /// <summary>Begun: the version id is chosen and the rotation started; nothing is known to have finished.</summary>
    Started,

    /// <summary>This module stored the new value in the version (PutSecretValue succeeded); not yet promoted.</summary>
    Staged,

    /// <summary>The run stopped watching (Ctrl+C): the rotation may go on inside AWS; a re-run resumes it.</summary>
    Interrupted,

    /// <summary>The new version is AWSCURRENT.</summary>
    Completed,

    /// <summary>Staged AWSPENDING on purpose (-Pending), waiting for -Complete or an undo.</summary>
    Pending,

    /// <summary>Stopped short; AWSCURRENT stayed on a readable version.</summary>
    Failed,

    /// <summary>Declined under -WhatIf or -Confirm; nothing changed.</summary>
    NotRun,
}
