using System;
using System.Collections.Generic;

namespace RotationOps;

/// <summary>One traffic step of a deployment: the weight, how long it baked, and the gate evidence.</summary>
public sealed class DeploymentStep
{
    public double Weight { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public StepOutcome Outcome { get; set; }
    public IReadOnlyList<GateResult> Gates { get; set; } = Array.Empty<GateResult>();
}
