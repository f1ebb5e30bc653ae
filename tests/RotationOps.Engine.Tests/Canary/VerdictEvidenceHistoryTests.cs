using System;
using RotationOps.Engine.Canary;
using RotationOps.Engine.Canary.Gates;

namespace RotationOps.Engine.Tests.Canary;

/// <summary>A deployment read back from the journal (piped by id, or resumed elsewhere) still carries the verdict's evidence.</summary>
public sealed class VerdictEvidenceHistoryTests
{
    [Fact]
    public void The_verdict_evidence_of_a_step_survives_the_journal()
    {
        var judged = new SequentialVerdict(0.005).Judge(new CanaryMetricsSnapshot { CanaryInvocations = 300, CanaryErrors = 15, StableInvocations = 2700, StableErrors = 27 });
        var step = new DeploymentStep
        {
            Weight = 0.1, StartedAt = DateTimeOffset.UnixEpoch, Outcome = StepOutcome.Failed,
            Gates = new[] { new GateResult("SequentialVerdict", CheckResult.Failed, judged.ToString(), judged), new GateResult("Alarm", CheckResult.Passed, "orders-api-errors OK") },
        };

        var read = StepHistory.FromJson(StepHistory.ToJson(new[] { step }));

        var verdict = read[0].Gates[0].Verdict!;
        Assert.Equal(VerdictDecision.RollBack, verdict.Decision);
        Assert.Equal((300.0, 15.0, 2700.0, 27.0), (verdict.CanaryInvocations, verdict.CanaryErrors, verdict.StableInvocations, verdict.StableErrors));
        Assert.Equal(judged.LogLikelihoodRatio, verdict.LogLikelihoodRatio);
        Assert.Equal(judged.RollBackBoundary, verdict.RollBackBoundary);
        Assert.Equal(judged.PromoteBoundary, verdict.PromoteBoundary);
        Assert.Equal(0.005, verdict.FalseRollbackRate);
        Assert.Equal(2, verdict.DetectedRatio);
        Assert.Null(read[0].Gates[1].Verdict);
    }
}
