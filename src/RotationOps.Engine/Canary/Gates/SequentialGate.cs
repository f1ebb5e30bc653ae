using System.Threading.Tasks;
using RotationOps.Engine.Text;

namespace RotationOps.Engine.Canary.Gates;

/// <summary>
/// -Verdict Sequential, as a gate: Failed when the verdict rolls back, Passed when it promotes (the
/// bake may then end early, if every other gate passes too), Skipped while it is undecided. An
/// undecided verdict at the end of the bake has shown no regression, so it passes — rolling back
/// there would break its false-rollback bound — unless -MinInvocations were not reached, which
/// fails as it does for the fixed gates. Figures CloudWatch did not complete give no verdict, as for
/// the other metric gates (<see cref="MissingMetrics"/>).
/// </summary>
internal sealed class SequentialGate : IHealthGate
{
    public const string Name = "SequentialVerdict";

    private readonly SequentialVerdict _verdict;
    private readonly int _minInvocations;

    public SequentialGate(SequentialVerdict verdict, int minInvocations)
    {
        _verdict = verdict;
        _minInvocations = minInvocations;
    }

    public async Task<GateResult> EvaluateAsync(GateContext context)
    {
        var metrics = await context.Metrics.ConfigureAwait(false);
        // Counts CloudWatch did not complete are not evidence either way: a missing error point
        // would read as the canary's health, a missing stable one as its regression.
        var missing = MissingMetrics.Judge(Name, metrics.Gaps, context.EndOfBake);
        if (missing != null) return missing;
        var verdict = _verdict.Judge(metrics);
        string bound = $"a healthy canary crosses it with probability at most {Percent.Of(verdict.FalseRollbackRate, 2)}";
        switch (verdict.Decision)
        {
            case VerdictDecision.RollBack:
                return new GateResult(Name, CheckResult.Failed, $"{verdict}: the canary fails more often than stable ({bound})", verdict);
            case VerdictDecision.Promote:
                return new GateResult(Name, CheckResult.Passed,
                    $"{verdict}: the canary fails no more often than stable (one failing {verdict.DetectedRatio:0}x as often gets here with probability at most {Percent.Of(SequentialVerdict.EarlyPassRate, 0)})", verdict);
        }
        var sample = SampleSize.Judge(Name, metrics.CanaryInvocations, _minInvocations, context.EndOfBake);
        if (sample != null) return new GateResult(Name, sample.Result, $"{verdict}; {sample.Evidence}", verdict);
        return context.EndOfBake
            ? new GateResult(Name, CheckResult.Passed, $"{verdict}: undecided at the end of the bake, no regression shown", verdict)
            : new GateResult(Name, CheckResult.Skipped, $"{verdict}: undecided, baking on", verdict);
    }
}
