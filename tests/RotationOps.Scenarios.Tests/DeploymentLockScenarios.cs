using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Canary;
using RotationOps.Engine.Canary.Gates;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.SecretsManager;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Scenarios.Tests.Infrastructure;
using RotationOps.Tests.Shared;

namespace RotationOps.Scenarios.Tests;

/// <summary>Two deployers on one alias or one secret: the lock lets one change it and refuses the other.</summary>
public sealed class DeploymentLockScenarios
{
    [SandboxFact]
    public async Task Of_two_shifts_on_one_alias_at_once_one_proceeds_the_other_is_refused_and_the_alias_never_moves_back()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1 });
        var held = new HeldCheck();

        var first = scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = canary.DeploymentId, Steps = new[] { 0.5, 1.0 }, BakeTime = TimeSpan.FromMinutes(30), HealthCheck = held,
        });
        await held.Asked.Task;   // the first deployer is baking at 50 %

        var refused = await Assert.ThrowsAsync<RunbookException>(() => scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            FunctionName = function, AliasName = "LIVE", Weight = 0.3, BakeTime = TimeSpan.FromMinutes(5),
        }));
        Assert.Equal("DeploymentLocked", refused.ErrorId);
        Assert.Contains(canary.DeploymentId, refused.Message);
        Assert.Equal(0.5, sandbox.Lambda.Find(function)!.Aliases.Single().AdditionalVersionWeights[canary.CanaryVersion!]);

        held.Release();
        var done = await first;
        Assert.Equal(DeploymentStatus.Promoted, done.Status);
        Assert.Equal(canary.CanaryVersion, sandbox.Lambda.Find(function)!.Aliases.Single().FunctionVersion);

        // Released at the end: the next deployer gets in.
        var next = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Description = "next", Weight = 0.1 });
        Assert.Equal(DeploymentStatus.Canary, next.Status);
    }

    [SandboxFact]
    public async Task An_emergency_undo_takes_the_lock_and_the_bake_still_running_stops_without_moving_the_alias_again()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1 });
        var held = new HeldCheck();
        var baking = scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = canary.DeploymentId, Steps = new[] { 0.5, 1.0 }, BakeTime = TimeSpan.FromMinutes(30), HealthCheck = held,
        });
        await held.Asked.Task;

        var undo = await scenario.Undo().UndoAsync(new UndoRequest { FunctionName = function, AliasName = "LIVE" });
        held.Release();

        var lost = await Assert.ThrowsAsync<RunbookException>(() => baking);
        Assert.Equal("DeploymentLockLost", lost.ErrorId);
        var alias = sandbox.Lambda.Find(function)!.Aliases.Single();
        Assert.Equal("1", alias.FunctionVersion);
        Assert.Empty(alias.AdditionalVersionWeights);
        var takeover = Assert.Single(scenario.Journal.ReadAll(), e => e.Action == "LockTakeover");
        Assert.Equal(undo.DeploymentId, takeover.DeploymentId);
        Assert.Equal(canary.DeploymentId, takeover.Details["PreviousDeploymentId"]);
    }

    [SandboxFact]
    public async Task Of_two_rotations_of_one_secret_at_once_the_second_is_refused_and_stages_nothing()
    {
        await using var scenario = await Scenario.StartAsync();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", """{"username":"app","password":"Initial-Pa55word-5001"}""");
        var asked = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn,
            NewValue = NewSecretValue.Generated(new RandomPasswordRequest(), jsonKey: "password"),
            Tester = new HeldTester(asked, release),
        });
        await asked.Task;   // the first rotation has staged its value and is testing it

        var refused = await Assert.ThrowsAsync<RunbookException>(() => scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn,
            NewValue = NewSecretValue.Generated(new RandomPasswordRequest(), jsonKey: "password"),
        }));
        Assert.Equal("DeploymentLocked", refused.ErrorId);
        Assert.Equal(2, (await scenario.AllVersionsAsync(arn)).Count);

        release.SetResult(true);
        var done = await first;
        Assert.Equal(RotationStatus.Completed, done.Status);
        Assert.Equal(done.VersionId, (await scenario.StagesAsync(arn)).Current);
    }

    [SandboxFact]
    public async Task An_emergency_secret_undo_takes_the_lock_from_a_rotation_still_being_watched()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", """{"username":"app","password":"Initial-Pa55word-6001"}""");
        string first = (await scenario.StagesAsync(arn)).Current!;
        await scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, NewValue = NewSecretValue.Generated(new RandomPasswordRequest(), jsonKey: "password") });
        string slow = sandbox.RotationFunctions.Register("slow-rotation", new RotationFunctionBehavior { StepLatency = TimeSpan.FromHours(1) });
        var watching = scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = slow, Timeout = TimeSpan.FromDays(1) });
        await Eventually.True(() => scenario.Host.Progress.Count > 2);

        var undo = await scenario.Undo().UndoAsync(new UndoRequest { SecretId = arn, ToVersionId = first });

        var lost = await Assert.ThrowsAsync<RunbookException>(() => watching);
        Assert.Equal("DeploymentLockLost", lost.ErrorId);
        Assert.Equal(first, (await scenario.StagesAsync(arn)).Current);
        Assert.Equal(undo.DeploymentId, Assert.Single(scenario.Journal.ReadAll(), e => e.Action == "LockTakeover").DeploymentId);
    }

    /// <summary>A -TestScript stand-in that holds the first rotation until the test lets it go.</summary>
    private sealed class HeldTester : ISecretTester
    {
        private readonly TaskCompletionSource<bool> _asked;
        private readonly TaskCompletionSource<bool> _release;

        public HeldTester(TaskCompletionSource<bool> asked, TaskCompletionSource<bool> release)
        {
            _asked = asked;
            _release = release;
        }

        public async Task<SecretTestOutcome> TestAsync(SecretTestInput input, CancellationToken cancellationToken)
        {
            _asked.TrySetResult(true);
            await _release.Task.ConfigureAwait(false);
            return new SecretTestOutcome(true, "accepted");
        }
    }
}
