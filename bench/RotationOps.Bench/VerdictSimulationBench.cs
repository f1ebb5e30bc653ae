using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

using static RotationOps.Bench.VerdictSetup;

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
    private const int ColumnWidth = 28;

    public static async Task RunAsync(FigureTable table)
    {
        BakePolicy[] policies =
        [
            BakePolicy.Sequential(FalseRollbackRate, MinInvocations),
            BakePolicy.MaxErrorRate(0.02, MinInvocations),
            BakePolicy.MaxErrorRate(0.03, MinInvocations),
            BakePolicy.MaxErrorRateIncrease(0.02, MinInvocations),
            BakePolicy.KnownRates(BaselineErrorRate, RegressedErrorRate, FalseRollbackRate),
        ];
        var random = new Random(Seed);
        var regressed = policies.ToDictionary(p => p, _ => new List<BakeOutcome>());
        var healthy = policies.ToDictionary(p => p, _ => new List<BakeOutcome>());
        var doubled = policies.ToDictionary(p => p, _ => new List<BakeOutcome>());
        var minutes = (int)BakeTime.TotalMinutes;
        for (var i = 0; i < Canaries; i++)
        {
            // Every policy judges the same traffic, so the columns differ by their rule alone.
            var bad = TrafficTrajectory.Generate(random, minutes, InvocationsPerMinute, Weight, RegressedErrorRate, BaselineErrorRate);
            var good = TrafficTrajectory.Generate(random, minutes, InvocationsPerMinute, Weight, BaselineErrorRate, BaselineErrorRate);
            var twice = TrafficTrajectory.Generate(random, minutes, InvocationsPerMinute, Weight, DoubledErrorRate, BaselineErrorRate);
            foreach (var policy in policies)
            {
                regressed[policy].Add(await policy.BakeAsync(bad));
                healthy[policy].Add(await policy.BakeAsync(good));
                doubled[policy].Add(await policy.BakeAsync(twice));
            }
        }

        table.Add(Name, "setup", $"{VerdictSetup.Describe(Canaries)}; seed {Seed}");
        table.Add(Name, "gate", Columns(policies.Select(p => p.Name)));
        table.Add(Name, "1% -> 5%: rolled back", Columns(policies.Select(p => VerdictFigures.RolledBack(regressed[p]))));
        table.Add(Name, "1% -> 5%: canary calls to roll back, mean", Columns(policies.Select(p => VerdictFigures.Mean(VerdictFigures.DetectionCalls(regressed[p])))));
        table.Add(Name, "1% -> 5%: canary calls to roll back, median", Columns(policies.Select(p => VerdictFigures.Percentile(VerdictFigures.DetectionCalls(regressed[p]), 0.5))));
        table.Add(Name, "1% -> 5%: canary calls to roll back, p95", Columns(policies.Select(p => VerdictFigures.Percentile(VerdictFigures.DetectionCalls(regressed[p]), 0.95))));
        table.Add(Name, "1% -> 2%: rolled back", Columns(policies.Select(p => VerdictFigures.RolledBack(doubled[p]))));
        table.Add(Name, "healthy 1%: false rollbacks", Columns(policies.Select(p => VerdictFigures.RolledBack(healthy[p]))));
        table.Add(Name, "healthy 1%: minutes baked, median", Columns(policies.Select(p => VerdictFigures.MinutesBaked(healthy[p]))));
    }

    private static FormattableString Columns(IEnumerable<string> values) => $"{string.Concat(values.Select(v => v.PadRight(ColumnWidth)))}";
}
