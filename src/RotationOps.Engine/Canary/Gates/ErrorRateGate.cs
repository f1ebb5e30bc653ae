using System.Threading.Tasks;
using RotationOps.Engine.Text;

namespace RotationOps.Engine.Canary.Gates;

/// <summary>
/// -MaxErrorRate: the canary's own error rate (ExecutedVersion metrics) must stay at or below
/// the limit once -MinInvocations calls have reached it. Short of that it waits; at the end of
/// the bake, too little evidence is a failure, not a pass.
/// </summary>
internal sealed class ErrorRateGate : IHealthGate
{
    public const string Name = "ErrorRate";

    private readonly double _maxErrorRate;
    private readonly int _minInvocations;

    public ErrorRateGate(double maxErrorRate, int minInvocations)
    {
        _maxErrorRate = maxErrorRate;
        _minInvocations = minInvocations;
    }

    public async Task<GateResult> EvaluateAsync(GateContext context)
    {
        var metrics = await context.Metrics.ConfigureAwait(false);
        var missing = MissingMetrics.Judge(Name, metrics.CanaryGaps, context.EndOfBake);
        if (missing != null) return missing;
        var sample = SampleSize.Judge(Name, metrics.CanaryInvocations, _minInvocations, context.EndOfBake);
        if (sample != null) return sample;
        return metrics.CanaryErrorRate > _maxErrorRate
            ? new GateResult(Name, CheckResult.Failed, $"{metrics.DescribeCanary()} exceeds the limit {Percent.Of(_maxErrorRate, 2)}")
            : new GateResult(Name, CheckResult.Passed, $"{metrics.DescribeCanary()} within {Percent.Of(_maxErrorRate, 2)}");
    }
}
