using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Canary;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Journal.Records;
using RotationOps.Engine.Lambda;
using RotationOps.Scenarios.Tests.Infrastructure;
using RotationOps.Tests.Shared;

namespace RotationOps.Scenarios.Tests;

/// <summary>What the journal's record of a deployment decides after a crash or a later deployment.</summary>
public sealed class InFlightDeploymentScenarios
{
    [SandboxFact]
    public async Task Naming_only_the_alias_after_an_interruption_resumes_the_recorded_deployment_under_its_id()
    {
        await using var scenario = await Scenario.StartAsync();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1 });
        var interrupted = scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = canary.DeploymentId, Steps = new[] { 0.5, 1.0 }, BakeTime = TimeSpan.FromDays(1), PollInterval = TimeSpan.FromMinutes(1),
        });
        await Eventually.True(() => scenario.RequireSandbox().Lambda.Find(function)!.Aliases.Single().AdditionalVersionWeights.Values.Contains(0.5));
        scenario.PressCtrlC();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => interrupted);
        scenario.ResetHost();

        var resumed = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest { FunctionName = function, AliasName = "LIVE", Promote = true });

        Assert.Equal(canary.DeploymentId, resumed.DeploymentId);
        Assert.Equal(DeploymentStatus.Promoted, resumed.Status);
        Assert.Equal(new[] { 0.1, 0.5, 1.0 }, resumed.Steps.Select(s => s.Weight));
        Assert.DoesNotContain(scenario.Journal.ReadAll(), e => e.Action == "LambdaDeployment" && e.DeploymentId != canary.DeploymentId);
    }

    [SandboxFact]
    public async Task Undoing_a_deployment_that_a_later_one_superseded_is_refused_unless_forced()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        var first = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1 });
        await scenario.Shifter().ShiftAsync(new TrafficShiftRequest { DeploymentId = first.DeploymentId, Promote = true });
        var second = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Description = "second", Weight = 0.2 });

        var refused = await Assert.ThrowsAsync<RunbookException>(() => scenario.Undo().UndoAsync(new UndoRequest { DeploymentId = first.DeploymentId }));

        Assert.Equal("DeploymentSuperseded", refused.ErrorId);
        Assert.Contains(second.DeploymentId, refused.Message);
        var alias = sandbox.Lambda.Find(function)!.Aliases.Single();
        Assert.Equal(first.CanaryVersion, alias.FunctionVersion);
        Assert.Equal(0.2, alias.AdditionalVersionWeights[second.CanaryVersion!]);

        var forced = await scenario.Undo().UndoAsync(new UndoRequest { DeploymentId = first.DeploymentId, Force = true });
        Assert.Equal(RollbackStatus.Completed, forced.Status);
        Assert.Equal(first.StableVersion, sandbox.Lambda.Find(function)!.Aliases.Single().FunctionVersion);
    }

    [SandboxFact]
    public async Task A_new_canary_over_a_deployment_whose_routing_was_removed_outside_is_refused_until_the_record_is_closed()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        var first = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1 });
        // The runbook's emergency rollback: aws lambda update-alias --function-version 1 --routing-config '{}'.
        await scenario.Lambda.UpdateAliasAsync(new UpdateAliasRequest
        {
            FunctionName = function, Name = "LIVE", FunctionVersion = "1", AdditionalVersionWeights = new Dictionary<string, double>(),
        }, CancellationToken.None);
        var next = new CanaryRequest { FunctionName = function, AliasName = "LIVE", Version = first.CanaryVersion, Weight = 0.1 };

        var refused = await Assert.ThrowsAsync<RunbookException>(() => scenario.Publisher().PublishAsync(next));
        Assert.Equal("DeploymentInFlight", refused.ErrorId);
        Assert.Contains($"Undo-Deployment -DeploymentId {first.DeploymentId}", refused.Message);
        Assert.Equal(new[] { "$LATEST", "1", "2" }, sandbox.Lambda.Find(function)!.Versions.Select(v => v.Version));

        // Following the message: the undo closes the record without an AWS change, and the canary goes ahead.
        var closed = await scenario.Undo().UndoAsync(new UndoRequest { DeploymentId = first.DeploymentId });
        Assert.Equal(RollbackStatus.NotRun, closed.Status);
        Assert.Equal(DeploymentStatus.RolledBack, (await DeploymentRecords.FindAsync(scenario.Journal, first.DeploymentId))!.Status);
        var canary = await scenario.Publisher().PublishAsync(next);
        Assert.Equal(DeploymentStatus.Canary, canary.Status);
        Assert.Equal(0.1, sandbox.Lambda.Find(function)!.Aliases.Single().AdditionalVersionWeights[canary.CanaryVersion!]);
    }

    [SandboxFact]
    public async Task Force_starts_a_canary_over_a_deployment_still_recorded_in_flight_and_records_that_one_superseded()
    {
        await using var scenario = await Scenario.StartAsync();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        var first = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1 });

        var second = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Description = "second", Weight = 0.2, Force = true });

        Assert.Equal(DeploymentStatus.Canary, second.Status);
        Assert.Equal(DeploymentStatus.Superseded, (await DeploymentRecords.FindAsync(scenario.Journal, first.DeploymentId))!.Status);
        var resumed = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest { FunctionName = function, AliasName = "LIVE", Promote = true });
        Assert.Equal(second.DeploymentId, resumed.DeploymentId);
    }
}
