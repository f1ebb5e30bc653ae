using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Canary;
using RotationOps.Engine.Canary.Gates;

namespace RotationOps.Bench;

/// <summary>
/// A way to judge a bake — the engine's own gates, as Set-AliasWeight builds them — polled once a
/// minute as TrafficShifter polls them: a Failed gate rolls back; with the sequential verdict, a
/// poll on which every gate passes ends the bake early; the last poll is the end of the bake.
/// </summary>
internal sealed class BakePolicy
{
    private static readonly CanaryRun Deployment = new() { FunctionName = "simulated-api", AliasName = "LIVE" };
    private readonly IReadOnlyList<IHealthGate> _gates;
    private readonly bool _mayEndEarly;

    private BakePolicy(string name, IReadOnlyList<IHealthGate> gates)
    {
        Name = name;
        _gates = gates;
        _mayEndEarly = gates.OfType<SequentialGate>().Any();
    }

    public string Name { get; }

    /// <summary>-Verdict Sequential alone, as built for a run with one baked step.</summary>
    public static BakePolicy Sequential(double falseRollbackRate, int minInvocations) =>
        new(FormattableString.Invariant($"-Verdict Sequential α {falseRollbackRate:0.##%}"), new IHealthGate[] { new SequentialGate(new SequentialVerdict(falseRollbackRate), minInvocations) });

    /// <summary>The reference no real gate can be: Wald's test knowing both error rates in advance.</summary>
    public static BakePolicy KnownRates(double stableErrorRate, double regressedErrorRate, double falseRollbackRate) =>
        new(FormattableString.Invariant($"Wald, rates known α {falseRollbackRate:0.##%}"), new IHealthGate[] { new KnownRatesGate(stableErrorRate, regressedErrorRate, falseRollbackRate) });

    /// <summary>Today's -MaxErrorRate gate.</summary>
    public static BakePolicy MaxErrorRate(double maxErrorRate, int minInvocations) =>
        new(FormattableString.Invariant($"-MaxErrorRate {maxErrorRate:0.##}"), new IHealthGate[] { new ErrorRateGate(maxErrorRate, minInvocations) });

    /// <summary>Today's -MaxErrorRateIncrease gate.</summary>
    public static BakePolicy MaxErrorRateIncrease(double maxIncrease, int minInvocations) =>
        new(FormattableString.Invariant($"-MaxErrorRateIncrease {maxIncrease:0.##}"), new IHealthGate[] { new StableComparisonGate(maxIncrease, minInvocations) });

    /// <summary>Polls the gates on each minute's counts until one fails, the bake may end early, or the minutes run out.</summary>
    public async Task<BakeOutcome> BakeAsync(IReadOnlyList<CanaryMetricsSnapshot> minutes)
    {
        for (var minute = 0; minute < minutes.Count; minute++)
        {
            var counts = minutes[minute];
            var endOfBake = minute == minutes.Count - 1;
            var context = new GateContext(Deployment, DateTimeOffset.UnixEpoch, endOfBake, () => Task.FromResult(counts));
            var results = new List<GateResult>();
            foreach (var gate in _gates)
            {
                results.Add(await gate.EvaluateAsync(context));
            }

            if (results.Any(r => r.Result == CheckResult.Failed))
            {
                return new BakeOutcome(RolledBack: true, minute + 1, counts.CanaryInvocations);
            }

            if (endOfBake || (_mayEndEarly && results.All(r => r.Result == CheckResult.Passed)))
            {
                return new BakeOutcome(RolledBack: false, minute + 1, counts.CanaryInvocations);
            }
        }

        throw new ArgumentException("A bake needs at least one minute of traffic.", nameof(minutes));
    }
}
