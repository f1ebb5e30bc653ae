namespace RotationOps;

public enum DeploymentStatus
{
    /// <summary>The alias routes Weight of its traffic to the canary version.</summary>
    Canary,
    /// <summary>The alias points at the canary version alone.</summary>
    Promoted,
    /// <summary>A gate failed (or the user undid it): the alias is back on the stable version alone.</summary>
    RolledBack,
    /// <summary>Stopped before any traffic moved (e.g. the pre-traffic invocation failed).</summary>
    Aborted,
    /// <summary>A gate failed with -NoRollback: the alias is still split, on purpose.</summary>
    Halted,
    /// <summary>Nothing changed (-WhatIf or declined).</summary>
    NotRun,
    /// <summary>
    /// Closed unfinished: a later deployment on the alias was started over it with -Force. What
    /// the alias serves is the later deployment's to say.
    /// </summary>
    Superseded,
}
