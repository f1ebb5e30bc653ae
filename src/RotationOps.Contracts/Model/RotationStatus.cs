namespace RotationOps;

public enum RotationStatus
{
    /// <summary>The new version is AWSCURRENT, AWSPREVIOUS holds the old one, no AWSPENDING is left.</summary>
    Completed,
    /// <summary>The new version is staged AWSPENDING (-Pending); complete it with -Complete.</summary>
    Pending,
    /// <summary>The rotation did not finish; AWSCURRENT still holds the old, readable value.</summary>
    Failed,
    /// <summary>Nothing changed (-WhatIf or declined at -Confirm).</summary>
    NotRun,
}
