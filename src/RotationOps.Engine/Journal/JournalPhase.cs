namespace RotationOps.Engine.Journal;

public enum JournalPhase
{
    /// <summary>A deployment or rotation began.</summary>
    Started,
    /// <summary>About to make an AWS change: written before the call, so a crash mid-call is visible.</summary>
    Intent,
    Succeeded,
    Failed,
    /// <summary>Declined under -WhatIf/-Confirm, or not needed.</summary>
    Skipped,
    /// <summary>The deployment or rotation reached its end state.</summary>
    Completed,
    /// <summary>The deployment or rotation stopped short; Details say where and how to go on.</summary>
    Aborted,
}
