using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Canary;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Journal;
using RotationOps.Sandbox.Lambda;
using RotationOps.Scenarios.Tests.Infrastructure;
using RotationOps.Tests.Shared;

namespace RotationOps.Scenarios.Tests;

/// <summary>
/// Seed 000's Lambda procedures: runtime upgrade 5% → 25% → 50% → 100%, an environment change
/// through an alias-targeted version, alarm- and comparison-triggered rollbacks, and the
/// emergency manual rollback — on the Sandbox with the virtual clock (30-minute bakes cost nothing).
/// </summary>
public sealed class CanaryScenarios
{
    private static readonly TimeSpan Bake = TimeSpan.FromMinutes(30);

    [SandboxFact]
    public async Task Runtime_upgrade_walks_5_25_50_100_percent_and_promotes()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        sandbox.Traffic.Drive(function, "LIVE", 600);

        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest
        {
            FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.05,
            Description = "Runtime upgrade to python3.11",
        });
        Assert.Equal(DeploymentStatus.Canary, canary.Status);
        Assert.Equal("1", canary.StableVersion);
        Assert.Equal("2", canary.CanaryVersion);
        Assert.Contains("Runtime: python3.8 -> python3.11", canary.Changes);
        var routed = sandbox.Lambda.Find(function)!.Aliases.Single();
        Assert.Equal("1", routed.FunctionVersion);
        Assert.Equal(0.05, routed.AdditionalVersionWeights["2"]);

        DateTimeOffset started = sandbox.Clock.GetUtcNow();
        var done = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = canary.DeploymentId, Steps = new[] { 0.25, 0.5, 1.0 }, BakeTime = Bake, MaxErrorRate = 0.01, MinInvocations = 50,
        });

        Assert.Equal(DeploymentStatus.Promoted, done.Status);
        // The promoted deployment tells the whole story: the initial canary step, then every shift.
        Assert.Equal(new[] { 0.05, 0.25, 0.5, 1.0 }, done.Steps.Select(s => s.Weight));
        Assert.Equal(StepOutcome.Routed, done.Steps[0].Outcome);
        Assert.All(done.Steps.Skip(1).Take(2), s => Assert.Equal(StepOutcome.Passed, s.Outcome));
        Assert.Contains(done.Steps[1].Gates, g => g.Gate == "ErrorRate" && g.Result == CheckResult.Passed && g.Evidence.Contains("canary 0.00%"));
        Assert.Equal(canary.Changes, done.Changes);
        Assert.NotNull(done.AliasArn);
        Assert.Equal(canary.AliasArn, done.AliasArn);
        var alias = sandbox.Lambda.Find(function)!.Aliases.Single();
        Assert.Equal("2", alias.FunctionVersion);
        Assert.Empty(alias.AdditionalVersionWeights);
        var version2 = sandbox.Lambda.Find(function)!.Versions.Single(v => v.Version == "2");
        Assert.Equal("python3.11", version2.Runtime);
        Assert.True(version2.Invocations > 0);
        // Two 30-minute bakes; the upper bound allows the virtual clock's drift on a loaded CPU.
        Assert.InRange(sandbox.Clock.GetUtcNow() - started, TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(120));
        var journal = scenario.Journal.ReadDeployment(canary.DeploymentId);
        Assert.Equal(4, journal.Count(e => e.Action == "UpdateAlias" && e.Phase == JournalPhase.Succeeded));
        Assert.Contains(journal, e => e.Action == "PublishVersion" && e.Phase == JournalPhase.Succeeded);
    }

    [SandboxFact]
    public async Task Environment_change_merges_into_the_live_set_and_never_shows_values()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("billing-api", "python3.11",
            new Dictionary<string, string> { ["DATABASE_URL"] = "postgres://old-endpoint", ["LOG_LEVEL"] = "DEBUG", ["OLD_FLAG"] = "1" });

        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest
        {
            FunctionName = function, AliasName = "LIVE", Weight = 0.1,
            Environment = new Dictionary<string, string> { ["DATABASE_URL"] = "postgres://new-endpoint-7f3a", ["API_ENDPOINT"] = "https://api-v2.example.com" },
            RemoveEnvironmentVariables = new[] { "OLD_FLAG" },
        });
        var promoted = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest { DeploymentId = canary.DeploymentId, Promote = true });

        Assert.Equal(DeploymentStatus.Promoted, promoted.Status);
        var live = await scenario.Lambda.GetFunctionConfigurationAsync(function, "LIVE", CancellationToken.None);
        Assert.Equal(canary.CanaryVersion, live.Version);
        Assert.Equal(new[] { "API_ENDPOINT", "DATABASE_URL", "LOG_LEVEL" }, live.Environment.Keys.OrderBy(k => k));
        Assert.Equal("postgres://new-endpoint-7f3a", live.Environment["DATABASE_URL"]);
        Assert.Equal("DEBUG", live.Environment["LOG_LEVEL"]);
        Assert.Contains(canary.Changes, c => c.StartsWith("Environment DATABASE_URL: changed (hmac ", StringComparison.Ordinal));
        Assert.Contains("Environment OLD_FLAG: removed", canary.Changes);
        string shown = string.Join("\n", canary.Changes.Concat(scenario.Host.AllText).Append(scenario.JournalText).Append(canary.Message));
        Assert.DoesNotContain("new-endpoint-7f3a", shown);
        Assert.DoesNotContain("old-endpoint", shown);
    }

    [SandboxFact]
    public async Task A_composite_alarm_whose_child_goes_off_during_a_bake_rolls_the_alias_back_naming_the_composite()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        sandbox.Traffic.Drive(function, "LIVE", 600);
        sandbox.LambdaBehaviors.Set(function, new LambdaBehavior { ErrorRate = 0.3 });
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.05 });
        await scenario.Setup.PutErrorAlarmAsync("orders-api-errors", function, "LIVE", canary.CanaryVersion, threshold: 5);
        await scenario.Setup.PutCompositeAlarmAsync("orders-api-health", "ALARM(\"orders-api-errors\")");

        var result = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = canary.DeploymentId, Steps = new[] { 0.25, 0.5, 1.0 }, BakeTime = Bake, Alarms = new[] { "orders-api-health" },
        });

        Assert.True(result.Status == DeploymentStatus.RolledBack, result.Message);
        var gate = Assert.Single(result.Steps.Last().Gates, g => g.Gate == "Alarm");
        Assert.Equal(CheckResult.Failed, gate.Result);
        Assert.StartsWith("composite alarm orders-api-health is ALARM since ", gate.Evidence, StringComparison.Ordinal);
        Assert.Contains(":alarm:orders-api-errors transitioned to ALARM at ", gate.Evidence, StringComparison.Ordinal);
        Assert.Contains("orders-api-health", result.Message);
        var alias = sandbox.Lambda.Find(function)!.Aliases.Single();
        Assert.Equal("1", alias.FunctionVersion);
        Assert.Empty(alias.AdditionalVersionWeights);
    }

    [SandboxFact]
    public async Task An_alarm_going_off_during_a_bake_rolls_the_alias_back_with_the_alarm_s_reason()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        sandbox.Traffic.Drive(function, "LIVE", 600);
        sandbox.LambdaBehaviors.Set(function, new LambdaBehavior { ErrorRate = 0.3 });
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.05 });
        await scenario.Setup.PutErrorAlarmAsync("orders-api-errors", function, "LIVE", canary.CanaryVersion, threshold: 5);

        var result = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = canary.DeploymentId, Steps = new[] { 0.25, 0.5, 1.0 }, BakeTime = Bake, Alarms = new[] { "orders-api-errors" },
        });

        Assert.True(result.Status == DeploymentStatus.RolledBack, result.Message);
        var failed = result.Steps.Last();
        Assert.Equal(0.25, failed.Weight);
        Assert.Contains(failed.Gates, g => g.Gate == "Alarm" && g.Result == CheckResult.Failed && g.Evidence.Contains("Threshold Crossed"));
        Assert.Contains("orders-api-errors", result.Message);
        var alias = sandbox.Lambda.Find(function)!.Aliases.Single();
        Assert.Equal("1", alias.FunctionVersion);
        Assert.Empty(alias.AdditionalVersionWeights);
        Assert.Contains(scenario.Journal.ReadDeployment(canary.DeploymentId), e => e.Action == "UpdateAlias" && e.Details["Move"] == "Restore 1");
    }

    [SandboxFact]
    public async Task A_canary_failing_more_than_the_stable_version_is_rolled_back_with_both_rates_as_evidence()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        sandbox.Traffic.Drive(function, "LIVE", 600);
        sandbox.LambdaBehaviors.Set(function, "1", new LambdaBehavior { ErrorRate = 0.01 });
        sandbox.LambdaBehaviors.Set(function, new LambdaBehavior { ErrorRate = 0.2 });
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.25 });

        var result = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = canary.DeploymentId, Steps = new[] { 0.5, 1.0 }, BakeTime = TimeSpan.FromMinutes(15), MaxErrorRateIncrease = 0.05, MinInvocations = 100,
        });

        Assert.Equal(DeploymentStatus.RolledBack, result.Status);
        var gate = result.Steps.Last().Gates.Single(g => g.Gate == "CanaryVsStable");
        Assert.Equal(CheckResult.Failed, gate.Result);
        Assert.Matches(@"canary (19\.[5-9]\d|20\.[0-4]\d)%", gate.Evidence);
        Assert.Matches(@"stable (0\.[5-9]\d|1\.[0-4]\d)%", gate.Evidence);
        Assert.Empty(sandbox.Lambda.Find(function)!.Aliases.Single().AdditionalVersionWeights);
    }

    [SandboxFact]
    public async Task Too_few_invocations_by_the_end_of_a_bake_is_a_failure_not_a_pass()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("quiet-api");
        sandbox.Traffic.Drive(function, "LIVE", 2);
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1 });

        var result = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = canary.DeploymentId, Steps = new[] { 0.5, 1.0 }, BakeTime = TimeSpan.FromMinutes(10), MaxErrorRate = 0.01, MinInvocations = 100,
        });

        Assert.Equal(DeploymentStatus.RolledBack, result.Status);
        Assert.Contains("not enough evidence", result.Message);
    }

    [SandboxFact]
    public async Task Emergency_manual_rollback_restores_the_stable_version_and_clears_routing()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.5 });

        var undone = await scenario.Undo().UndoAsync(new UndoRequest { FunctionName = function, AliasName = "LIVE" });

        Assert.Equal(RollbackStatus.Completed, undone.Status);
        Assert.Equal("1", undone.ToVersion);
        Assert.Contains("50.0% on 2", undone.FromVersion);
        var alias = sandbox.Lambda.Find(function)!.Aliases.Single();
        Assert.Equal("1", alias.FunctionVersion);
        Assert.Empty(alias.AdditionalVersionWeights);

        var again = await scenario.Undo().UndoAsync(new UndoRequest { DeploymentId = canary.DeploymentId });
        Assert.Equal(RollbackStatus.NotRun, again.Status);
    }

    [SandboxFact]
    public async Task A_failing_pre_traffic_invocation_aborts_before_any_traffic_moves()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        sandbox.LambdaBehaviors.Set(function, new LambdaBehavior { ErrorRate = 1 });

        var result = await scenario.Publisher().PublishAsync(new CanaryRequest
        {
            FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.05, PreTrafficPayload = System.Text.Encoding.UTF8.GetBytes("{\"ping\":true}"),
        });

        Assert.Equal(DeploymentStatus.Aborted, result.Status);
        Assert.Contains("pre-traffic invocation", result.Message);
        var alias = sandbox.Lambda.Find(function)!.Aliases.Single();
        Assert.Equal("1", alias.FunctionVersion);
        Assert.Empty(alias.AdditionalVersionWeights);
        var resume = await Assert.ThrowsAsync<RunbookException>(() => scenario.Shifter().ShiftAsync(new TrafficShiftRequest { DeploymentId = result.DeploymentId, Promote = true }));
        Assert.Equal("DeploymentId", resume.ParameterName);
    }

    [SandboxFact]
    public async Task A_routed_alias_and_a_drifted_LATEST_are_refused_unless_forced()
    {
        await using var scenario = await Scenario.StartAsync();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        var first = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.05 });

        var routed = await Assert.ThrowsAsync<RunbookException>(() => scenario.Publisher().PublishAsync(
            new CanaryRequest { FunctionName = function, AliasName = "LIVE", Description = "second", Weight = 0.05 }));
        Assert.Equal("AliasAlreadyRouted", routed.ErrorId);
        Assert.Equal("Force", routed.ParameterName);
        // The refusal names the deployment in flight and the commands that go on from it.
        Assert.Contains($"Set-AliasWeight -DeploymentId {first.DeploymentId}", routed.Message);
        Assert.Contains($"Undo-Deployment -DeploymentId {first.DeploymentId}", routed.Message);

        await scenario.Undo().UndoAsync(new UndoRequest { FunctionName = function, AliasName = "LIVE" });
        // $LATEST now carries python3.11 while LIVE serves version 1 (python3.8): drift.
        var drifted = await Assert.ThrowsAsync<RunbookException>(() => scenario.Publisher().PublishAsync(
            new CanaryRequest { FunctionName = function, AliasName = "LIVE", Description = "third", Weight = 0.05 }));
        Assert.Equal("LatestDrifted", drifted.ErrorId);
        Assert.Contains("runtime (python3.8 vs python3.11)", drifted.Message);

        var forced = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Description = "third", Weight = 0.05, Force = true });
        Assert.Equal(DeploymentStatus.Canary, forced.Status);
    }

    [SandboxFact]
    public async Task WhatIf_lists_every_planned_change_of_a_canary_and_changes_nothing()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        var before = sandbox.Lambda.Find(function)!;
        scenario.Host.Approve = false;

        var publish = await scenario.Publisher().PublishAsync(new CanaryRequest
        {
            FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1,
            Environment = new Dictionary<string, string> { ["LOG_LEVEL"] = "WARN" },
        });

        Assert.Equal(DeploymentStatus.NotRun, publish.Status);
        Assert.Equal(3, scenario.Host.Prompts.Count);
        Assert.Contains(scenario.Host.Prompts, p => p.Contains("Update $LATEST configuration") && p.Contains("Runtime: python3.8 -> python3.11"));
        Assert.Contains(scenario.Host.Prompts, p => p.Contains("Publish a new version"));
        Assert.Contains(scenario.Host.Prompts, p => p.Contains("Route 10.0% of alias LIVE"));
        var after = sandbox.Lambda.Find(function)!;
        Assert.Equal(before.Versions.Select(v => v.RevisionId), after.Versions.Select(v => v.RevisionId));
        Assert.Equal(before.Aliases.Single().RevisionId, after.Aliases.Single().RevisionId);

        scenario.Host.Approve = true;
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1 });
        string revision = sandbox.Lambda.Find(function)!.Aliases.Single().RevisionId;
        scenario.ResetHost();
        scenario.Host.Approve = false;
        var shift = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest { DeploymentId = canary.DeploymentId, Steps = new[] { 0.5, 1.0 } });
        Assert.Equal(DeploymentStatus.NotRun, shift.Status);
        Assert.Equal(2, scenario.Host.Prompts.Count);
        Assert.Equal(revision, sandbox.Lambda.Find(function)!.Aliases.Single().RevisionId);
    }

    [SandboxFact]
    public async Task Bad_input_is_refused_before_any_change()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        string revision = sandbox.Lambda.Find(function)!.Aliases.Single().RevisionId;

        var weight = await Assert.ThrowsAsync<RunbookException>(() => scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 1 }));
        Assert.Equal("Weight", weight.ParameterName);
        var nothing = await Assert.ThrowsAsync<RunbookException>(() => scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Weight = 0.1 }));
        Assert.Equal("Version", nothing.ParameterName);
        var alias = await Assert.ThrowsAsync<RunbookException>(() => scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "NOPE", Runtime = "python3.11", Weight = 0.1 }));
        Assert.Equal("AliasName", alias.ParameterName);
        var steps = await Assert.ThrowsAsync<RunbookException>(() => scenario.Shifter().ShiftAsync(new TrafficShiftRequest { FunctionName = function, AliasName = "LIVE", Steps = new[] { 0.5, 0.25 } }));
        Assert.Equal("Steps", steps.ParameterName);
        var alarm = await Assert.ThrowsAsync<RunbookException>(() => scenario.Shifter().ShiftAsync(new TrafficShiftRequest { FunctionName = function, AliasName = "LIVE", Weight = 0.5, BakeTime = TimeSpan.FromMinutes(5), Alarms = new[] { "no-such-alarm" } }));
        Assert.Equal("Alarm", alarm.ParameterName);

        Assert.Equal(revision, sandbox.Lambda.Find(function)!.Aliases.Single().RevisionId);
        Assert.Equal(2, sandbox.Lambda.Find(function)!.Versions.Count);
    }

    [SandboxFact]
    public async Task Gates_without_a_bake_time_are_refused_before_any_change_instead_of_judging_zero_invocations()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        sandbox.Traffic.Drive(function, "LIVE", 600);
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.05 });
        string revision = sandbox.Lambda.Find(function)!.Aliases.Single().RevisionId;

        var requests = new[]
        {
            new TrafficShiftRequest { DeploymentId = canary.DeploymentId, Steps = new[] { 0.25, 0.5, 1.0 }, MaxErrorRate = 0.01 },
            new TrafficShiftRequest { DeploymentId = canary.DeploymentId, Weight = 0.5, MaxErrorRateIncrease = 0.01 },
            new TrafficShiftRequest { DeploymentId = canary.DeploymentId, Weight = 0.5, Alarms = new[] { "orders-api-errors" } },
            new TrafficShiftRequest { DeploymentId = canary.DeploymentId, Weight = 0.5, HealthCheck = new PassingCheck() },
        };
        foreach (var request in requests)
        {
            var refused = await Assert.ThrowsAsync<RunbookException>(() => scenario.Shifter().ShiftAsync(request));
            Assert.Equal("InvalidParameter", refused.ErrorId);
            Assert.Equal(RunbookErrorCategory.InvalidArgument, refused.Category);
            Assert.Equal("BakeTime", refused.ParameterName);
            Assert.Contains("-BakeTime 00:10:00", refused.Message);
        }

        var alias = sandbox.Lambda.Find(function)!.Aliases.Single();
        Assert.Equal(revision, alias.RevisionId);
        Assert.Equal(0.05, alias.AdditionalVersionWeights[canary.CanaryVersion]);
        Assert.Equal(1, scenario.Journal.ReadDeployment(canary.DeploymentId).Count(e => e.Action == "UpdateAlias" && e.Phase == JournalPhase.Succeeded));
        // -Promote has no bake either: a gate that would be ignored is refused, naming it.
        var promote = await Assert.ThrowsAsync<RunbookException>(() => scenario.Shifter().ShiftAsync(
            new TrafficShiftRequest { DeploymentId = canary.DeploymentId, Promote = true, MaxErrorRate = 0.01 }));
        Assert.Equal("MaxErrorRate", promote.ParameterName);
        Assert.Equal(revision, sandbox.Lambda.Find(function)!.Aliases.Single().RevisionId);
        // Without gates, no bake is needed: a plain move is still one call.
        var moved = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest { DeploymentId = canary.DeploymentId, Weight = 0.5 });
        Assert.Equal(DeploymentStatus.Canary, moved.Status);
    }

    private sealed class PassingCheck : Engine.Canary.Gates.IHealthCheck
    {
        public Task<GateResult> CheckAsync(LambdaDeployment deployment, CancellationToken cancellationToken) =>
            Task.FromResult(new GateResult("HealthScript", CheckResult.Passed, "ok"));
    }
}
