using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Canary;
using RotationOps.Sandbox;
using RotationOps.Scenarios.Tests.Infrastructure;
using RotationOps.Tests.Shared;
using Xunit.Abstractions;

namespace RotationOps.Scenarios.Tests;

/// <summary>
/// Seed 000's fleet runtime upgrade: 200 functions canaried and baked concurrently, so a
/// 30-minute bake takes about 30 minutes of (virtual) time for the whole fleet, not 100 hours.
/// </summary>
[Collection(nameof(FleetScenarios))]
public sealed class FleetScenarios
{
    private const int FleetSize = 200;
    private readonly ITestOutputHelper _output;

    public FleetScenarios(ITestOutputHelper output) => _output = output;

    [SandboxFact]
    public async Task Two_hundred_functions_bake_concurrently_and_all_promote_in_about_one_bake_time()
    {
        // AWS's control-plane quota is per account; this scenario is about concurrency, so the
        // Sandbox's quotas are raised to keep throttling out of the measurement.
        var options = new SandboxOptions();
        options.Lambda.ControlPlanePerSecond = 100_000;
        options.CloudWatch.GetMetricDataPerSecond = 100_000;
        await using var scenario = await Scenario.StartAsync(options);
        var sandbox = scenario.RequireSandbox();
        var functions = await Task.WhenAll(Enumerable.Range(0, FleetSize).Select(i => scenario.CreateLiveFunctionAsync($"fleet-{i:000}")));
        foreach (string function in functions) sandbox.Traffic.Drive(function, "LIVE", 60);

        var clock = Stopwatch.StartNew();
        DateTimeOffset virtualStart = sandbox.Clock.GetUtcNow();
        var canaries = await Task.WhenAll(functions.Select(f => scenario.Publisher().PublishAsync(
            new CanaryRequest { FunctionName = f, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.25 })));
        var results = await Task.WhenAll(canaries.Select(c => scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = c.DeploymentId, Steps = new[] { 0.5, 1.0 }, BakeTime = TimeSpan.FromMinutes(30), MaxErrorRate = 0.01, MinInvocations = 10,
        })));
        TimeSpan virtualElapsed = sandbox.Clock.GetUtcNow() - virtualStart;
        _output.WriteLine($"{FleetSize} functions: {virtualElapsed.TotalMinutes:0.0} virtual minutes, {clock.Elapsed.TotalSeconds:0.0} s real");

        Assert.All(results, r => Assert.Equal(DeploymentStatus.Promoted, r.Status));
        Assert.All(functions, f => Assert.Equal("2", sandbox.Lambda.Find(f)!.Aliases.Single().FunctionVersion));
        // Concurrent, not serial: serially this is 200 × 30 minutes = 100 hours. The bound is loose
        // because the virtual clock's quiet-period heuristic drifts on a loaded CPU; bench/run.sh
        // measures the real figure (about 30 virtual minutes, one bake).
        Assert.InRange(virtualElapsed, TimeSpan.FromMinutes(30), TimeSpan.FromHours(10));
        // Every mutation's intent has its outcome: no journal line was lost to a concurrent writer.
        var journal = scenario.Journal.ReadAll();
        Assert.Equal(journal.Count(e => e.Phase == Engine.Journal.JournalPhase.Intent), journal.Count(e => e.Phase == Engine.Journal.JournalPhase.Succeeded && e.Action != "LambdaDeployment"));
    }
}
