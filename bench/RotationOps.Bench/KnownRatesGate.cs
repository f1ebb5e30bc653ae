using System;
using System.Threading.Tasks;
using RotationOps.Engine.Canary.Gates;

namespace RotationOps.Bench;

/// <summary>
/// The verdict simulation's reference, not a gate the module offers: Wald's test told in advance
/// both the stable error rate and the regressed one (1 % and 5 %), which no real bake knows. It
/// judges the canary's own counts, Λ = ec·ln(p1/p0) + (nc − ec)·ln((1 − p1)/(1 − p0)), against the
/// same ln(1/α) boundary as -Verdict Sequential, polled as often. Knowing the alternative makes
/// it the test with the fewest invocations on average for that regression (Wald and Wolfowitz),
/// so its figures show what the polling and the traffic leave possible at that α.
/// </summary>
internal sealed class KnownRatesGate : IHealthGate
{
    private const string Name = "KnownRates";
    private readonly double _rollBackBoundary;
    private readonly double _errorWeight;
    private readonly double _successWeight;

    public KnownRatesGate(double stableErrorRate, double regressedErrorRate, double falseRollbackRate)
    {
        _rollBackBoundary = Math.Log(1 / falseRollbackRate);
        _errorWeight = Math.Log(regressedErrorRate / stableErrorRate);
        _successWeight = Math.Log((1 - regressedErrorRate) / (1 - stableErrorRate));
    }

    public async Task<GateResult> EvaluateAsync(GateContext context)
    {
        var counts = await context.Metrics;
        double ratio = counts.CanaryErrors * _errorWeight + (counts.CanaryInvocations - counts.CanaryErrors) * _successWeight;
        var result = ratio >= _rollBackBoundary ? CheckResult.Failed : context.EndOfBake ? CheckResult.Passed : CheckResult.Skipped;
        return new GateResult(Name, result, FormattableString.Invariant($"log-likelihood ratio {ratio:0.00}, roll back at {_rollBackBoundary:0.00}"));
    }
}
