using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace RotationOps.Bench;

/// <summary>
/// Issue 10's canary verdict figures: 1,000 canaries regressed from 1 % to 5 % errors, 1,000
/// healthy ones (1 % like stable) and 1,000 failing twice as often (2 %), each baked under the sequential verdict and under today's
/// fixed-threshold gates — the engine's own gate classes, on the same seeded traffic — and polled
/// once a minute. It counts the canary invocations each needed to roll a regression back, and how
/// many healthy canaries each rolled back. Invocation outcomes are drawn in-process rather than on
/// the Sandbox, whose errors are deterministic: false rollbacks only happen on noise. A last column,
/// Wald's test told both error rates in advance (<see cref="KnownRatesGate"/>), is the reference
/// for what any test at the same α can do on this traffic and polling.
/// </summary>
internal static class VerdictSimulationBench
{
    private const string Name = "Canary verdict (simulated)";
    private const int Seed = 10;
    private const int Canaries = 1000;
    private const int BakeMinutes = 60;
    private const int InvocationsPerMinute = 300;
    private const double Weight = 0.1;
    private const double BaselineErrorRate = 0.01;
    private const double RegressedErrorRate = 0.05;
    private const double DoubledErrorRate = 0.02;
    private const int MinInvocations = 100;
    private const int ColumnWidth = 28;

    public static async Task RunAsync(FigureTable table)
    {
        BakePolicy[] policies =
        [
            BakePolicy.Sequential(0.01, MinInvocations),
            BakePolicy.MaxErrorRate(0.02, MinInvocations),
            BakePolicy.MaxErrorRate(0.03, MinInvocations),
            BakePolicy.MaxErrorRateIncrease(0.02, MinInvocations),
            BakePolicy.KnownRates(BaselineErrorRate, RegressedErrorRate, 0.01),
        ];
        var random = new Random(Seed);
        var regressed = policies.ToDictionary(p => p, _ => new List<BakeOutcome>());
        var healthy = policies.ToDictionary(p => p, _ => new List<BakeOutcome>());
        var doubled = policies.ToDictionary(p => p, _ => new List<BakeOutcome>());
        for (var i = 0; i < Canaries; i++)
        {
            // Every policy judges the same traffic, so the columns differ by their rule alone.
            var bad = TrafficTrajectory.Generate(random, BakeMinutes, InvocationsPerMinute, Weight, RegressedErrorRate, BaselineErrorRate);
            var good = TrafficTrajectory.Generate(random, BakeMinutes, InvocationsPerMinute, Weight, BaselineErrorRate, BaselineErrorRate);
            var twice = TrafficTrajectory.Generate(random, BakeMinutes, InvocationsPerMinute, Weight, DoubledErrorRate, BaselineErrorRate);
            foreach (var policy in policies)
            {
                regressed[policy].Add(await policy.BakeAsync(bad));
                healthy[policy].Add(await policy.BakeAsync(good));
                doubled[policy].Add(await policy.BakeAsync(twice));
            }
        }

        table.Add(Name, "setup", $"{Canaries} canaries a case; {Weight:0%} of {InvocationsPerMinute} calls/min on the canary; polled each minute; bake {BakeMinutes} min; -MinInvocations {MinInvocations}; seed {Seed}");
        table.Add(Name, "gate", Columns(policies.Select(p => p.Name)));
        table.Add(Name, "1% -> 5%: rolled back", Columns(policies.Select(p => Share(regressed[p].Count(o => o.RolledBack)))));
        table.Add(Name, "1% -> 5%: canary calls to roll back, mean", Columns(policies.Select(p => Mean(DetectionCalls(regressed[p])))));
        table.Add(Name, "1% -> 5%: canary calls to roll back, median", Columns(policies.Select(p => Percentile(DetectionCalls(regressed[p]), 0.5))));
        table.Add(Name, "1% -> 5%: canary calls to roll back, p95", Columns(policies.Select(p => Percentile(DetectionCalls(regressed[p]), 0.95))));
        table.Add(Name, "1% -> 2%: rolled back", Columns(policies.Select(p => Share(doubled[p].Count(o => o.RolledBack)))));
        table.Add(Name, "healthy 1%: false rollbacks", Columns(policies.Select(p => Share(healthy[p].Count(o => o.RolledBack)))));
        table.Add(Name, "healthy 1%: minutes baked, median", Columns(policies.Select(p => Median(healthy[p].Where(o => !o.RolledBack).Select(o => (double)o.Minutes)))));
    }

    /// <summary>Canary invocations at the rollback; a regression never rolled back counts as never detected.</summary>
    private static List<double> DetectionCalls(IEnumerable<BakeOutcome> outcomes) =>
        outcomes.Select(o => o.RolledBack ? o.CanaryInvocations : double.PositiveInfinity).Order().ToList();

    /// <summary>Nearest rank; "missed" when that rank is a regression the bake never caught.</summary>
    private static string Percentile(List<double> sorted, double quantile)
    {
        var value = NearestRank.Of(sorted, quantile);
        return double.IsPositiveInfinity(value) ? "missed" : value.ToString("0", CultureInfo.InvariantCulture);
    }

    /// <summary>"missed" when a regression was never rolled back: it has no finite count.</summary>
    private static string Mean(List<double> calls)
    {
        var mean = calls.Average();
        return double.IsPositiveInfinity(mean) ? "missed" : mean.ToString("0", CultureInfo.InvariantCulture);
    }

    private static string Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? "-" : NearestRank.Of(sorted, 0.5).ToString("0", CultureInfo.InvariantCulture);
    }

    private static string Share(int count) => FormattableString.Invariant($"{count} ({100.0 * count / Canaries:0.0}%)");

    private static FormattableString Columns(IEnumerable<string> values) => $"{string.Concat(values.Select(v => v.PadRight(ColumnWidth)))}";
}
