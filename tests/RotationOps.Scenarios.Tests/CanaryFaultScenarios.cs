using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Canary;
using RotationOps.Engine.Canary.Gates;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Records;
using RotationOps.Engine.Lambda;
using RotationOps.Sandbox.Faults;
using RotationOps.Scenarios.Tests.Infrastructure;
using RotationOps.Tests.Shared;

namespace RotationOps.Scenarios.Tests;

/// <summary>
/// Faults at every mutating step of a canary: throttling bursts, 5xx, an update in progress,
/// a concurrent deployer's 412, and Ctrl+C mid-bake. Whatever happens, the alias ends on
/// published Active versions and the journal tells the truth.
/// </summary>
public sealed class CanaryFaultScenarios
{
    [SandboxFact]
    public async Task Throttling_bursts_and_5xx_on_every_mutation_are_retried_through()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        foreach (string operation in new[] { "UpdateFunctionConfiguration", "PublishVersion", "UpdateAlias" })
        {
            sandbox.Faults.Add(new FaultRule { Service = "lambda", Operation = operation, Kind = FaultKind.Throttle, Count = 2 });
            sandbox.Faults.Add(new FaultRule { Service = "lambda", Operation = operation, Kind = FaultKind.ServerError, Count = 1 });
        }

        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1 });
        var promoted = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest { DeploymentId = canary.DeploymentId, Promote = true });

        Assert.Equal(DeploymentStatus.Promoted, promoted.Status);
        Assert.All(sandbox.Faults.Rules, rule => Assert.Equal(rule.Rule.Count, rule.Hits));
        Assert.Equal(2, sandbox.Lambda.Find(function)!.Versions.Count(v => v.Version != "$LATEST"));
    }

    [SandboxFact]
    public async Task A_call_that_times_out_is_retried_and_the_deployment_goes_on()
    {
        await using var scenario = await Scenario.StartAsync(configureClient: options => options.CallTimeout = TimeSpan.FromMilliseconds(300));
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        sandbox.Faults.Add(new FaultRule { Service = "lambda", Operation = "UpdateAlias", Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(2), Count = 1 });

        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1 });

        // The first UpdateAlias timed out client-side but may have applied: the resend carries
        // the same RevisionId, so AWS either applies it once or answers 412 — never twice.
        Assert.True(canary.Status == DeploymentStatus.Canary || canary.Message.Contains("PreconditionFailedException"), canary.Message);
        var alias = sandbox.Lambda.Find(function)!.Aliases.Single();
        Assert.Equal("1", alias.FunctionVersion);
        Assert.Equal(0.1, alias.AdditionalVersionWeights[canary.CanaryVersion]);
        Assert.Contains(scenario.Journal.ReadDeployment(canary.DeploymentId), e => e.Action == "UpdateAlias" && e.Phase == JournalPhase.Intent);
    }

    [SandboxFact]
    public async Task An_update_already_in_progress_is_waited_out_instead_of_failing_409()
    {
        await using var scenario = await Scenario.StartAsync();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        // Another pipeline has just started updating $LATEST (LastUpdateStatus InProgress).
        await scenario.Lambda.UpdateFunctionConfigurationAsync(new UpdateFunctionConfigurationRequest { FunctionName = function, Description = "touched by CI" }, CancellationToken.None);

        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1 });

        Assert.Equal(DeploymentStatus.Canary, canary.Status);
        Assert.Contains(scenario.Host.Verbose, line => line.Contains("LastUpdateStatus InProgress"));
        Assert.DoesNotContain(scenario.Journal.ReadDeployment(canary.DeploymentId), e => e.Phase == JournalPhase.Failed);
    }

    [SandboxFact]
    public async Task A_concurrent_deployer_s_change_is_not_overwritten_and_the_journal_says_where_the_alias_is()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1 });
        var intruder = new DelegateHealthCheck(async _ =>
            await scenario.Lambda.UpdateAliasAsync(new UpdateAliasRequest
            {
                FunctionName = function, Name = "LIVE", FunctionVersion = "1", AdditionalVersionWeights = new Dictionary<string, double> { ["2"] = 0.9 },
            }, CancellationToken.None));

        var result = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = canary.DeploymentId, Steps = new[] { 0.25, 0.5, 1.0 }, BakeTime = TimeSpan.FromMinutes(5), HealthCheck = intruder,
        });

        Assert.Equal(DeploymentStatus.Halted, result.Status);
        Assert.Contains("PreconditionFailedException", result.Message);
        var alias = sandbox.Lambda.Find(function)!.Aliases.Single();
        Assert.Equal("1", alias.FunctionVersion);
        Assert.Equal(0.9, alias.AdditionalVersionWeights["2"]);
        var journal = scenario.Journal.ReadDeployment(canary.DeploymentId);
        Assert.Contains(journal, e => e.Action == "UpdateAlias" && e.Phase == JournalPhase.Failed && e.Error!.Contains("PreconditionFailedException"));
    }

    [SandboxFact]
    public async Task Ctrl_C_mid_bake_leaves_a_consistent_alias_and_the_deployment_resumes_from_the_journal()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.05 });
        var ctrlC = new DelegateHealthCheck(_ => { scenario.PressCtrlC(); return Task.CompletedTask; });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = canary.DeploymentId, Steps = new[] { 0.25, 0.5, 1.0 }, BakeTime = TimeSpan.FromMinutes(30), HealthCheck = ctrlC,
        }));

        var alias = sandbox.Lambda.Find(function)!.Aliases.Single();
        Assert.Equal("1", alias.FunctionVersion);
        Assert.Equal(0.25, alias.AdditionalVersionWeights["2"]);
        var stopped = scenario.Journal.ReadDeployment(canary.DeploymentId).Last();
        Assert.Equal(JournalPhase.Aborted, stopped.Phase);
        Assert.Contains($"Set-AliasWeight -DeploymentId {canary.DeploymentId}", stopped.Error);

        scenario.ResetHost();
        var resumed = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest { DeploymentId = canary.DeploymentId, Steps = new[] { 0.5, 1.0 }, BakeTime = TimeSpan.FromMinutes(5) });
        Assert.Equal(DeploymentStatus.Promoted, resumed.Status);
        Assert.Equal("2", sandbox.Lambda.Find(function)!.Aliases.Single().FunctionVersion);
        // Resumed from the journal alone, the deployment still carries what Publish-LambdaCanary reported.
        Assert.Equal(new[] { 0.05, 0.25, 0.5, 1.0 }, resumed.Steps.Select(s => s.Weight));
        Assert.Equal(new[] { StepOutcome.Routed, StepOutcome.Stopped, StepOutcome.Passed, StepOutcome.Promoted }, resumed.Steps.Select(s => s.Outcome));
        Assert.Equal(canary.Changes, resumed.Changes);
        Assert.Equal(canary.AliasArn, resumed.AliasArn);
    }

    [SandboxFact]
    public async Task An_alias_changed_outside_the_deployment_is_not_moved_on_shift_or_resume_unless_forced()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1 });
        var resume = new TrafficShiftRequest { DeploymentId = canary.DeploymentId, Steps = new[] { 0.5, 1.0 }, BakeTime = TimeSpan.FromMinutes(5) };

        // The operator's emergency rollback, outside the module: routing cleared by hand.
        await scenario.Lambda.UpdateAliasAsync(new UpdateAliasRequest
        {
            FunctionName = function, Name = "LIVE", FunctionVersion = "1", AdditionalVersionWeights = new Dictionary<string, double>(),
        }, CancellationToken.None);
        string revision = sandbox.Lambda.Find(function)!.Aliases.Single().RevisionId;

        var refused = await Assert.ThrowsAsync<Engine.Errors.RunbookException>(() => scenario.Shifter().ShiftAsync(resume));
        Assert.Equal("AliasChanged", refused.ErrorId);
        Assert.Equal(Engine.Errors.RunbookErrorCategory.InvalidOperation, refused.Category);
        Assert.Contains("now serves version 1 alone", refused.Message);
        Assert.Contains("10.0% on version 2", refused.Message);
        Assert.Contains($"Publish-LambdaCanary -FunctionName {function} -AliasName LIVE -Version 2", refused.Message);
        Assert.Contains("-Force", refused.Message);
        Assert.Equal(revision, sandbox.Lambda.Find(function)!.Aliases.Single().RevisionId);

        // Routed again by someone else, at another weight: still not this deployment's state.
        await scenario.Lambda.UpdateAliasAsync(new UpdateAliasRequest
        {
            FunctionName = function, Name = "LIVE", FunctionVersion = "1", AdditionalVersionWeights = new Dictionary<string, double> { ["2"] = 0.5 },
        }, CancellationToken.None);
        revision = sandbox.Lambda.Find(function)!.Aliases.Single().RevisionId;
        var again = await Assert.ThrowsAsync<Engine.Errors.RunbookException>(() => scenario.Shifter().ShiftAsync(new TrafficShiftRequest { DeploymentId = canary.DeploymentId, Promote = true }));
        Assert.Equal("AliasChanged", again.ErrorId);
        Assert.Contains("version 1 with 50.0% on version 2", again.Message);
        Assert.Contains($"Undo-Deployment -DeploymentId {canary.DeploymentId}", again.Message);
        Assert.Equal(revision, sandbox.Lambda.Find(function)!.Aliases.Single().RevisionId);
        Assert.DoesNotContain(scenario.Journal.ReadDeployment(canary.DeploymentId), e => e.Action == "UpdateAlias" && e.Details["Move"] != "Route 0.1 to 2");

        var forced = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest { DeploymentId = canary.DeploymentId, Promote = true, Force = true });
        Assert.Equal(DeploymentStatus.Promoted, forced.Status);
        Assert.Equal("2", sandbox.Lambda.Find(function)!.Aliases.Single().FunctionVersion);
    }

    [SandboxFact]
    public async Task Stopping_one_of_several_bakes_leaves_each_alias_where_its_journal_says_and_nothing_moves_after()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        var functions = await Task.WhenAll(new[] { "orders-api", "billing-api", "search-api" }.Select(n => scenario.CreateLiveFunctionAsync(n)));
        var canaries = await Task.WhenAll(functions.Select(f => scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = f, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.05 })));
        var failing = new FailingCheck(functions[0]);
        var publishedEntries = canaries.Select(c => scenario.Journal.ReadDeployment(c.DeploymentId).Count).ToList();

        // What the cmdlet does when one item's error ends the command: cancel the shared token, then wait for all.
        var shifts = canaries.Select(c => scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = c.DeploymentId, Steps = new[] { 0.25, 0.5, 1.0 }, BakeTime = TimeSpan.FromMinutes(30), PollInterval = TimeSpan.FromMinutes(1), HealthCheck = failing,
        })).ToList();
        var rolledBack = await shifts[0];
        Assert.Equal(DeploymentStatus.RolledBack, rolledBack.Status);
        scenario.PressCtrlC();
        foreach (var other in shifts.Skip(1))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => other);

        var settled = functions.Select(f => sandbox.Lambda.Find(f)!.Aliases.Single()).Select(a => (a.FunctionVersion, Weights: a.AdditionalVersionWeights.ToDictionary(p => p.Key, p => p.Value))).ToList();
        for (int i = 0; i < functions.Length; i++)
        {
            var journaled = (await DeploymentRecords.FindAsync(scenario.Journal, canaries[i].DeploymentId))!;
            Assert.Equal(journaled.StableVersion, settled[i].FunctionVersion);
            if (journaled.Weight > 0) Assert.Equal(journaled.Weight, settled[i].Weights[journaled.CanaryVersion]);
            else Assert.Empty(settled[i].Weights);
            var entries = scenario.Journal.ReadDeployment(canaries[i].DeploymentId);
            var mutations = entries.Where(e => e.Action != "LambdaDeployment").ToList();
            Assert.Equal(mutations.Count(e => e.Phase == JournalPhase.Intent), mutations.Count(e => e.Phase == JournalPhase.Succeeded || e.Phase == JournalPhase.Failed));
            // A bake stopped before it changed anything leaves the published record standing (it is
            // still true); one stopped after says so.
            if (i > 0 && entries.Count > publishedEntries[i]) Assert.Equal(JournalPhase.Aborted, entries.Last().Phase);
        }

        // Nothing moves afterwards, however long the clock runs.
        sandbox.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(settled.Select(s => s.FunctionVersion), functions.Select(f => sandbox.Lambda.Find(f)!.Aliases.Single().FunctionVersion));
        Assert.Equal(settled.Select(s => s.Weights.Values.Sum()), functions.Select(f => sandbox.Lambda.Find(f)!.Aliases.Single().AdditionalVersionWeights.Values.Sum()));
    }

    /// <summary>A -HealthScript stand-in that fails for one function and passes for the others.</summary>
    private sealed class FailingCheck : IHealthCheck
    {
        private readonly string _function;

        public FailingCheck(string function) => _function = function;

        public Task<GateResult> CheckAsync(LambdaDeployment deployment, CancellationToken cancellationToken) =>
            Task.FromResult(deployment.FunctionName == _function
                ? new GateResult("HealthScript", CheckResult.Failed, "the health script failed: down")
                : new GateResult("HealthScript", CheckResult.Passed, "ok"));
    }

    /// <summary>A -HealthScript stand-in that does something (an intrusion, a Ctrl+C) and passes.</summary>
    private sealed class DelegateHealthCheck : IHealthCheck
    {
        private readonly Func<LambdaDeployment, Task> _action;
        private bool _done;

        public DelegateHealthCheck(Func<LambdaDeployment, Task> action) => _action = action;

        public async Task<GateResult> CheckAsync(LambdaDeployment deployment, CancellationToken cancellationToken)
        {
            if (!_done)
            {
                _done = true;
                await _action(deployment);
            }
            return new GateResult("HealthScript", CheckResult.Passed, "ok");
        }
    }
}
