using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Canary;
using RotationOps.Engine.Canary.Gates;
using RotationOps.Sandbox.Lambda;

using static RotationOps.Bench.VerdictSetup;

namespace RotationOps.Bench;

/// <summary>
/// The verdict simulation's cross-check, end to end: canaries on the Sandbox, each a function whose
/// versions fail at random (seeded) at their rate under 300 calls a minute, published at 5 % and
/// shifted to 10 % with a 60-minute bake under -Verdict Sequential by the module's own
/// Publish-LambdaCanary and Set-AliasWeight engines, on the Sandbox's virtual clock, every bake at
/// once. The counts come from CloudWatch's Errors and Invocations by ExecutedVersion, as in AWS, so
/// the figures cover what the gate-level simulation does not: metric reads, the step window, polling.
/// </summary>
internal static class VerdictOnSandboxBench
{
    private const string Name = "Canary verdict (Sandbox)";
    private const string Alias = "LIVE";

    public static async Task RunAsync(int canariesPerCase, FigureTable table)
    {
        await using var world = await BenchSandbox.StartAsync();
        var seed = 1000;
        // Seeded, then baked all at once: each case's functions, in order.
        var functions = new Dictionary<double, List<string>>();
        foreach (var canaryRate in new[] { RegressedErrorRate, DoubledErrorRate, BaselineErrorRate })
        {
            functions[canaryRate] = Enumerable.Range(0, canariesPerCase).Select(_ =>
            {
                var function = $"verdict-{seed:0000}";
                world.Sandbox.SeedFunction(function, aliasName: Alias);
                // Version 1 serves the alias; $LATEST's behaviour goes to the version the canary publishes.
                world.Sandbox.LambdaBehaviors.Set(function, "1", new LambdaBehavior { ErrorRate = BaselineErrorRate, ErrorSeed = seed++ });
                world.Sandbox.LambdaBehaviors.Set(function, new LambdaBehavior { ErrorRate = canaryRate, ErrorSeed = seed++ });
                return function;
            }).ToList();
        }

        var baking = functions.ToDictionary(c => c.Key, c => Task.WhenAll(c.Value.Select(f => BakeAsync(world, f))));
        await Task.WhenAll(baking.Values);
        var regressed = baking[RegressedErrorRate].Result;
        var doubled = baking[DoubledErrorRate].Result;
        var healthy = baking[BaselineErrorRate].Result;

        table.Add(Name, "setup", $"{VerdictSetup.Describe(canariesPerCase)}; -Verdict Sequential α {FalseRollbackRate:0.##%}");
        var detection = VerdictFigures.DetectionCalls(regressed);
        table.Add(Name, "1% -> 5%: rolled back", $"{VerdictFigures.RolledBack(regressed)}");
        table.Add(Name, "1% -> 5%: canary calls to roll back, mean / median / p95",
            $"{VerdictFigures.Mean(detection)} / {VerdictFigures.Percentile(detection, 0.5)} / {VerdictFigures.Percentile(detection, 0.95)}");
        table.Add(Name, "1% -> 2%: rolled back", $"{VerdictFigures.RolledBack(doubled)}");
        table.Add(Name, "healthy 1%: false rollbacks", $"{VerdictFigures.RolledBack(healthy)}");
        table.Add(Name, "healthy 1%: minutes baked, median", $"{VerdictFigures.MinutesBaked(healthy)}");
    }

    /// <summary>One canary published and baked; how its verdict ended, read from the step's gate result.</summary>
    private static async Task<BakeOutcome> BakeAsync(BenchSandbox world, string function)
    {
        var canary = await world.Publisher().PublishAsync(new CanaryRequest
        {
            FunctionName = function, AliasName = Alias, Runtime = "python3.11", Weight = Weight / 2,
        });
        if (canary.Status != DeploymentStatus.Canary)
        {
            throw new InvalidOperationException($"The canary of {function} did not start: {canary.Message}");
        }

        world.Sandbox.Traffic.Drive(function, Alias, InvocationsPerMinute);
        var done = await world.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = canary.DeploymentId, Weight = Weight, BakeTime = BakeTime, Verdict = CanaryVerdict.Sequential, FalseRollbackRate = FalseRollbackRate, MinInvocations = MinInvocations,
        });
        var step = done.Steps.Last();
        var verdict = step.Gates.LastOrDefault(g => g.Gate == SequentialGate.Name)?.Verdict
            ?? throw new InvalidOperationException($"The bake of {function} ended without a verdict: {done.Message}");
        var minutes = (int)Math.Round(((step.EndedAt ?? step.StartedAt) - step.StartedAt).TotalMinutes);
        return new BakeOutcome(done.Status == DeploymentStatus.RolledBack, minutes, verdict.CanaryInvocations);
    }
}
