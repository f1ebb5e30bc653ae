using System;
using RotationOps.Engine.SecretsManager;

namespace RotationOps.Engine.Rotation;

/// <summary>One secret to rotate, as the user asked for it.</summary>
public sealed class SecretRotationRequest
{
    public string SecretId { get; set; } = "";

    /// <summary>Null: Service mode (RotateSecret). Set: Manual mode with this value.</summary>
    public NewSecretValue? NewValue { get; set; }

    /// <summary>Service mode: the rotation function to configure (else the one already configured).</summary>
    public string? RotationLambdaArn { get; set; }

    /// <summary>Service mode: the schedule to configure, or null to keep the current one.</summary>
    public RotationRules? RotationRules { get; set; }

    /// <summary>Manual mode: stop once the new value is staged AWSPENDING.</summary>
    public bool Pending { get; set; }

    /// <summary>Take AWSPENDING off a version left by an unfinished rotation before starting.</summary>
    public bool Force { get; set; }

    /// <summary>Manual mode: tried on the AWSPENDING value before it becomes AWSCURRENT.</summary>
    public ISecretTester? Tester { get; set; }

    /// <summary>Service mode: how long to wait for AWSCURRENT to reach the new version.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public RotationMode Mode => NewValue == null ? RotationMode.Service : RotationMode.Manual;
}
