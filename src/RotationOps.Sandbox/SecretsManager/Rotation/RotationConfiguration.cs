using System;

namespace RotationOps.Sandbox.SecretsManager.Rotation;

/// <summary>A secret's rotation settings as RotateSecret and CancelRotateSecret leave them.</summary>
internal sealed class RotationConfiguration(string lambdaArn, RotationRules? rules)
{
    public bool Enabled { get; set; } = true;

    public string LambdaArn { get; set; } = lambdaArn;

    public RotationRules? Rules { get; set; } = rules;

    /// <summary>The rotation window the scheduler acts on next; null when nothing is scheduled.</summary>
    public RotationWindow? NextWindow { get; set; }

    /// <summary>What DescribeSecret reports: the next rotation happens on or before this instant.</summary>
    public DateTimeOffset? NextRotationDate => Enabled ? NextWindow?.LastSecond : null;
}
