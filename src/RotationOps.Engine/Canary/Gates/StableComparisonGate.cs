using System.Threading.Tasks;
using RotationOps.Engine.Text;

namespace RotationOps.Engine.Canary.Gates;

/// <summary>
/// -MaxErrorRateIncrease: the canary may not fail more often than the stable version serving
/// the same alias at the same time by more than the margin — which tells "the new version is
/// worse" apart from "a downstream outage hurts both".
/// </summary>
internal sealed class StableComparisonGate : IHealthGate
{
    public const string Name = "CanaryVsStable";

    private readonly double _maxIncrease;
    private readonly int _minInvocations;

    public StableComparisonGate(double maxIncrease, int minInvocations)
    {
        _maxIncrease = maxIncrease;
        _minInvocations = minInvocations;
    }

    public async Task<GateResult> EvaluateAsync(GateContext context)
    {
        var metrics = await context.Metrics.ConfigureAwait(false);
        var missing = MissingMetrics.Judge(Name, metrics.Gaps, context.EndOfBake);
        if (missing != null) return missing;
        var sample = SampleSize.Judge(Name, metrics.CanaryInvocations, _minInvocations, context.EndOfBake);
        if (sample != null) return sample;
        double increase = metrics.CanaryErrorRate - metrics.StableErrorRate;
        string evidence = $"{metrics.DescribeCanary()} vs {metrics.DescribeStable()}";
        return increase > _maxIncrease
            ? new GateResult(Name, CheckResult.Failed, $"{evidence}: {Percent.Of(increase, 2)} worse, more than the allowed {Percent.Of(_maxIncrease, 2)}")
            : new GateResult(Name, CheckResult.Passed, evidence);
    }
}
