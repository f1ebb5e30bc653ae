using System;
using System.Collections.Generic;
using RotationOps.Sandbox.RotationFunctions;

namespace RotationOps.Sandbox.SecretsManager.Rotation;

/// <summary>
/// A rotation whose steps are still to run. Each step's effects land when it is due (after the
/// function's StepLatency), when a later request or inspection brings the Sandbox up to date.
/// </summary>
internal sealed class RotationRun(string token, string functionArn, IReadOnlyList<RotationStep> steps, bool isDryRun, DateTimeOffset firstStepDue)
{
    private int completed;

    public string Token { get; } = token;

    public string FunctionArn { get; } = functionArn;

    /// <summary>RotateImmediately=false: only testSecret runs, and the AWSPENDING placeholder goes away after.</summary>
    public bool IsDryRun { get; } = isDryRun;

    public RotationStep NextStep => steps[completed];

    public DateTimeOffset NextStepDue { get; set; } = firstStepDue;

    /// <summary>Marks the next step done; false when that was the last one.</summary>
    public bool CompleteStep() => ++completed < steps.Count;
}
