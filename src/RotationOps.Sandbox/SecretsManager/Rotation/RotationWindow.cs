using System;

namespace RotationOps.Sandbox.SecretsManager.Rotation;

/// <summary>
/// A rotation window: AWS rotates at some time within it. The Sandbox starts the rotation when the
/// window opens; NextRotationDate reports the window's last second, as AWS reports its end.
/// </summary>
internal readonly record struct RotationWindow(DateTimeOffset Opens, DateTimeOffset Closes)
{
    public DateTimeOffset LastSecond => Closes.AddSeconds(-1);
}
