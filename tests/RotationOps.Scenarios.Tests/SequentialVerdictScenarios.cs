using System;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Canary;
using RotationOps.Sandbox.Lambda;
using RotationOps.Scenarios.Tests.Infrastructure;
using RotationOps.Tests.Shared;

namespace RotationOps.Scenarios.Tests;

/// <summary>
/// -Verdict Sequential on the Sandbox's virtual clock: a regressed canary is rolled back minutes
/// into an hour's bake, a healthy one ends its bake early and is promoted, and in both the step's
/// gate result carries the verdict's counts, ratio and boundaries.
/// </summary>
public sealed class SequentialVerdictScenarios
{
    private static readonly TimeSpan Bake = TimeSpan.FromMinutes(60);

    [SandboxFact]
    public async Task A_canary_going_from_1_to_5_percent_errors_is_rolled_back_long_before_the_bake_ends()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        sandbox.Traffic.Drive(function, "LIVE", 600);
        sandbox.LambdaBehaviors.Set(function, "1", new LambdaBehavior { ErrorRate = 0.01 });
        sandbox.LambdaBehaviors.Set(function, new LambdaBehavior { ErrorRate = 0.05 });
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.05 });

        DateTimeOffset started = sandbox.Clock.GetUtcNow();
        var result = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = canary.DeploymentId, Steps = new[] { 0.1, 1.0 }, BakeTime = Bake, Verdict = CanaryVerdict.Sequential,
        });

        Assert.Equal(DeploymentStatus.RolledBack, result.Status);
        Assert.Contains("SequentialVerdict: RollBack", result.Message);
        var gate = Assert.Single(result.Steps.Last().Gates);
        Assert.Equal(CheckResult.Failed, gate.Result);
        var verdict = gate.Verdict!;
        Assert.Equal(VerdictDecision.RollBack, verdict.Decision);
        Assert.True(verdict.LogLikelihoodRatio >= verdict.RollBackBoundary);
        Assert.InRange(verdict.CanaryInvocations, 1, 300);
        Assert.InRange(verdict.CanaryErrorRate, 0.04, 0.06);
        Assert.InRange(verdict.StableErrorRate, 0.005, 0.015);
        Assert.Equal(0.01, verdict.FalseRollbackRate);
        // A 60 virtual minute bake, cut short: 60 canary calls a minute reach 300 within 6 minutes.
        Assert.InRange(sandbox.Clock.GetUtcNow() - started, TimeSpan.Zero, TimeSpan.FromMinutes(10));
        Assert.Empty(sandbox.Lambda.Find(function)!.Aliases.Single().AdditionalVersionWeights);
    }

    [SandboxFact]
    public async Task The_plan_says_a_step_bakes_up_to_the_bake_time_since_the_verdict_may_end_it_early()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.05 });
        scenario.Host.Approve = false;

        var result = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = canary.DeploymentId, Steps = new[] { 0.1, 1.0 }, BakeTime = Bake, Verdict = CanaryVerdict.Sequential,
        });

        Assert.Equal(DeploymentStatus.NotRun, result.Status);
        Assert.Contains(scenario.Host.Prompts, p => p.EndsWith($"Route 10.0% to version {canary.CanaryVersion} and bake up to 01:00:00 (rolls back to 1 if a gate fails)", StringComparison.Ordinal));
        Assert.Equal(0.05, sandbox.Lambda.Find(function)!.Aliases.Single().AdditionalVersionWeights[canary.CanaryVersion!]);
    }

    [SandboxFact]
    public async Task A_canary_failing_no_more_than_stable_ends_each_bake_early_and_is_promoted()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        sandbox.Traffic.Drive(function, "LIVE", 1200);
        sandbox.LambdaBehaviors.Set(function, "1", new LambdaBehavior { ErrorRate = 0.02 });
        sandbox.LambdaBehaviors.Set(function, new LambdaBehavior { ErrorRate = 0.02 });
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.05 });

        DateTimeOffset started = sandbox.Clock.GetUtcNow();
        var result = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = canary.DeploymentId, Steps = new[] { 0.25, 0.5, 1.0 }, BakeTime = Bake, Verdict = CanaryVerdict.Sequential,
        });

        Assert.Equal(DeploymentStatus.Promoted, result.Status);
        var baked = result.Steps.Skip(1).Take(2).ToList();
        Assert.All(baked, step =>
        {
            Assert.Equal(StepOutcome.Passed, step.Outcome);
            Assert.True(step.EndedAt - step.StartedAt < Bake, $"the {step.Weight} step baked {step.EndedAt - step.StartedAt}");
            var verdict = Assert.Single(step.Gates).Verdict!;
            Assert.Equal(VerdictDecision.Promote, verdict.Decision);
            Assert.True(verdict.LogLikelihoodRatio <= verdict.PromoteBoundary);
            // Two baked steps share the run's 1 %.
            Assert.Equal(0.005, verdict.FalseRollbackRate);
        });
        Assert.InRange(sandbox.Clock.GetUtcNow() - started, TimeSpan.Zero, Bake);
        Assert.Equal("2", sandbox.Lambda.Find(function)!.Aliases.Single().FunctionVersion);
    }

    [SandboxFact]
    public async Task A_promoting_verdict_does_not_end_the_bake_while_another_gate_still_waits_for_evidence()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        sandbox.Traffic.Drive(function, "LIVE", 1200);
        sandbox.LambdaBehaviors.Set(function, "1", new LambdaBehavior { ErrorRate = 0.02 });
        sandbox.LambdaBehaviors.Set(function, new LambdaBehavior { ErrorRate = 0.0 });
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.05 });

        // The verdict promotes within minutes (no canary errors against 2 % on stable); the error-rate
        // gate needs 20,000 canary calls, about 67 minutes at 25 %, so only the bake's end ends the step.
        var result = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = canary.DeploymentId, Steps = new[] { 0.25 }, BakeTime = TimeSpan.FromMinutes(30), Verdict = CanaryVerdict.Sequential,
            MaxErrorRate = 0.01, MinInvocations = 20000,
        });

        var step = result.Steps.Last();
        // The full bake; the upper bound allows the virtual clock's drift on a loaded CPU.
        Assert.InRange((step.EndedAt - step.StartedAt)!.Value, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(40));
        Assert.Contains(step.Gates, g => g.Gate == "ErrorRate" && g.Result == CheckResult.Failed && g.Evidence.Contains("not enough evidence"));
        Assert.Contains(step.Gates, g => g.Gate == "SequentialVerdict" && g.Verdict!.Decision == VerdictDecision.Promote);
    }
}
