namespace RotationOps;

public enum RollbackStatus
{
    /// <summary>Nothing changed (-WhatIf, declined at -Confirm, or nothing to undo). First, so an unset status never claims an undo.</summary>
    NotRun,
    /// <summary>The alias or AWSCURRENT is back where the undo put it.</summary>
    Completed,
}
