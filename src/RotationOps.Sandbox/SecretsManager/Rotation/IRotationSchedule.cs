using System;

namespace RotationOps.Sandbox.SecretsManager.Rotation;

/// <summary>When a secret's rotation windows open (UTC), from a rate() or cron() expression.</summary>
internal interface IRotationSchedule
{
    /// <summary>The first rotation window that opens strictly after <paramref name="after"/>; null when none ever will.</summary>
    RotationWindow? NextWindow(DateTimeOffset after);
}
