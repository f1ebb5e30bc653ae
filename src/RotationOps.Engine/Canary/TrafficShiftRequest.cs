using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.Engine.Canary.Gates;
using RotationOps.Engine.Errors;

namespace RotationOps.Engine.Canary;

/// <summary>One alias's traffic move, as Set-AliasWeight was asked.</summary>
public sealed class TrafficShiftRequest
{
    /// <summary>Resume a journaled deployment.</summary>
    public string? DeploymentId { get; set; }
    /// <summary>Otherwise, the alias: its current routing says which versions are stable and canary.</summary>
    public string? FunctionName { get; set; }
    public string? AliasName { get; set; }

    /// <summary>Exactly one of Weight, Promote or Steps.</summary>
    public double? Weight { get; set; }
    public bool Promote { get; set; }
    public IReadOnlyList<double>? Steps { get; set; }

    /// <summary>How long each step (and a single -Weight) bakes under the gates.</summary>
    public TimeSpan BakeTime { get; set; }
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    public IReadOnlyList<string> Alarms { get; set; } = Array.Empty<string>();
    public double? MaxErrorRate { get; set; }
    public double? MaxErrorRateIncrease { get; set; }
    public int MinInvocations { get; set; } = 100;
    public IHealthCheck? HealthCheck { get; set; }
    /// <summary>Sequential also judges the bake with <see cref="SequentialVerdict"/>, which may end it early.</summary>
    public CanaryVerdict Verdict { get; set; }
    /// <summary>-FalseRollbackRate: the sequential verdict's α over the whole run, split evenly across its baked steps.</summary>
    public double? FalseRollbackRate { get; set; }

    /// <summary>Leave the alias split when a gate fails (and say so), instead of rolling back.</summary>
    public bool NoRollback { get; set; }
    /// <summary>Go on although the alias no longer matches the deployment.</summary>
    public bool Force { get; set; }

    public bool HasMetricGates => MaxErrorRate != null || MaxErrorRateIncrease != null || Verdict == CanaryVerdict.Sequential;

    /// <summary>The gate parameters given: the parameter's name, and how the user typed it (for messages).</summary>
    private IReadOnlyList<(string Name, string Typed)> GateParameters()
    {
        var given = new List<(string, string)>();
        if (Alarms.Count > 0) given.Add(("Alarm", "-Alarm"));
        if (MaxErrorRate != null) given.Add(("MaxErrorRate", "-MaxErrorRate"));
        if (MaxErrorRateIncrease != null) given.Add(("MaxErrorRateIncrease", "-MaxErrorRateIncrease"));
        if (HealthCheck != null) given.Add(("HealthScript", "-HealthScript"));
        if (Verdict == CanaryVerdict.Sequential) given.Add(("Verdict", "-Verdict Sequential"));
        return given;
    }

    /// <summary>Checks the request before any AWS call and returns the weights to walk (1 = promote).</summary>
    internal IReadOnlyList<double> Validate()
    {
        int modes = (Weight != null ? 1 : 0) + (Promote ? 1 : 0) + (Steps != null ? 1 : 0);
        if (modes != 1)
            throw RunbookException.InvalidParameter("Steps", "give exactly one of -Weight, -Promote or -Steps.");
        if (BakeTime < TimeSpan.Zero)
            throw RunbookException.InvalidParameter("BakeTime", "give a positive time span, e.g. 00:15:00.");
        if (PollInterval <= TimeSpan.Zero)
            throw RunbookException.InvalidParameter("PollInterval", "give a positive time span, e.g. 00:01:00.");
        if (MaxErrorRate is double rate && (rate < 0 || rate >= 1))
            throw RunbookException.InvalidParameter("MaxErrorRate", "give a fraction from 0 to below 1, e.g. 0.01 for 1%.");
        if (MaxErrorRateIncrease is double increase && (increase < 0 || increase >= 1))
            throw RunbookException.InvalidParameter("MaxErrorRateIncrease", "give a fraction from 0 to below 1, e.g. 0.02.");
        if (MinInvocations < 0)
            throw RunbookException.InvalidParameter("MinInvocations", "give 0 or more.");
        if (FalseRollbackRate is double alpha)
        {
            if (Verdict != CanaryVerdict.Sequential)
                throw RunbookException.InvalidParameter("FalseRollbackRate", "it bounds the sequential verdict's rollbacks, and -Verdict is not Sequential. Add -Verdict Sequential, or leave -FalseRollbackRate out.");
            // Above one half the verdict would roll back on evidence weaker than a coin toss's.
            if (!(alpha > 0 && alpha <= 0.5))
                throw RunbookException.InvalidParameter("FalseRollbackRate", "give a probability above 0 and up to 0.5, e.g. 0.01 for at most 1 healthy canary in 100 rolled back.");
        }
        // Gates judge what a bake observed; with no bake they would judge at once, on zero
        // invocations, and roll a healthy canary back. A bake length is a policy choice (how long
        // a regression takes to show), so it is asked for rather than guessed.
        var gates = GateParameters();
        if (!Promote && BakeTime == TimeSpan.Zero && gates.Count > 0)
            throw RunbookException.InvalidParameter("BakeTime",
                $"{string.Join(", ", gates.Select(g => g.Typed))} judge{(gates.Count == 1 ? "s" : "")} the canary during a bake, and no -BakeTime was given: " +
                "without one the gates would judge at once, on no invocations, and roll the canary back. " +
                "Give how long each step bakes, e.g. -BakeTime 00:10:00.");
        // -Promote moves everything at once: only the alarms' pre-flight check applies. Gates
        // that need a bake would be ignored, and a gate the user asked for must never be.
        var baked = gates.Where(g => g.Name != "Alarm").ToList();
        if (Promote && baked.Count > 0)
            throw RunbookException.InvalidParameter(baked[0].Name,
                $"-Promote moves all traffic at once, so {string.Join(", ", baked.Select(g => g.Typed))} would have no bake to judge. " +
                "To judge the canary before it gets everything, bake a step first, e.g. -Steps 0.5, 1 -BakeTime 00:10:00; or drop the gate.");
        if (Promote) return new[] { 1.0 };
        var weights = Steps ?? new[] { Weight!.Value };
        for (int i = 0; i < weights.Count; i++)
        {
            if (!(weights[i] > 0 && weights[i] <= 1))
                throw RunbookException.InvalidParameter(Steps != null ? "Steps" : "Weight", $"{weights[i]} is not a share of traffic: give values above 0 and up to 1 (1 promotes).");
            if (i > 0 && weights[i] <= weights[i - 1])
                throw RunbookException.InvalidParameter("Steps", "the steps must rise, e.g. 0.25,0.5,1.");
            if (weights[i] >= 1 && i != weights.Count - 1)
                throw RunbookException.InvalidParameter("Steps", "1 (promotion) can only be the last step.");
        }
        return weights;
    }
}
