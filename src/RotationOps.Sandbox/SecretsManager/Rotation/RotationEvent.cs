using System;

namespace RotationOps.Sandbox.SecretsManager.Rotation;

/// <summary>
/// One rotation milestone, named after the CloudTrail events AWS emits (RotationStarted,
/// RotationSucceeded, RotationFailed, RotationAbandoned); the only place a step failure shows.
/// </summary>
/// <param name="Name">Event name.</param>
/// <param name="VersionId">The rotation token.</param>
/// <param name="At">Virtual time of the event.</param>
/// <param name="Detail">Why a rotation failed or was abandoned; never a secret value.</param>
public sealed record RotationEvent(string Name, string VersionId, DateTimeOffset At, string? Detail);
