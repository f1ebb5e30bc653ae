using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Security;
using RotationOps.Sandbox;
using RotationOps.Sandbox.Faults;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Scenarios.Tests.Infrastructure;
using RotationOps.Tests.Shared;

namespace RotationOps.Scenarios.Tests;

/// <summary>
/// Issue 8: two machines, each with its own journal (so no lock keeps them apart), rotate one secret
/// at the same moment. The one whose AWSCURRENT move AWS accepts wins; the other says so, takes
/// AWSPENDING off its own version only, and the next rotation needs no cleanup. A Sandbox latency
/// fault holds one machine's call at AWS while the other runs, which fixes the interleaving.
/// </summary>
public sealed class ConcurrentRotationScenarios
{
    private const string DbJson = "{\"username\":\"orders_app\",\"password\":\"Initial-Pa55word-0801\"}";

    [SandboxFact]
    public async Task A_manual_rotation_that_loses_the_race_takes_AWSPENDING_off_its_own_version_and_names_the_winner()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        string original = (await scenario.StagesAsync(arn)).Current!;
        var laptop = scenario.Runner(scenario.OtherMachineJournal("laptop"));

        // The runner's PutSecretValue waits at AWS while the laptop's whole rotation runs.
        sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "PutSecretValue", Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(2), Count = 1 });
        var runnerRun = scenario.Runner().RotateAsync(Literal(arn, "Runner-Pa55word-0802"));
        await Eventually.True(() => sandbox.Faults.Rules.Single().Hits == 1);
        var winner = await laptop.RotateAsync(Generated(arn));
        var loser = await runnerRun;

        Assert.Equal(RotationStatus.Completed, winner.Status);
        Assert.Equal(RotationStatus.Failed, loser.Status);
        Assert.Contains($"Another rotation won: AWSCURRENT moved to version {winner.VersionId}", loser.Message);
        Assert.Contains($"AWSPENDING was taken off version {loser.VersionId}", loser.Message);
        var stages = await scenario.StagesAsync(arn);
        Assert.Equal((winner.VersionId, original, null), (stages.Current, stages.Previous, stages.Pending));
        await scenario.ReadAsync(arn);
        Assert.Contains(await scenario.AllVersionsAsync(arn), v => v.VersionId == loser.VersionId && v.VersionStages.Count == 0);
        Assert.Equal(3, (await scenario.AllVersionsAsync(arn)).Count);
        await AssertNextRotationsSucceedAsync(scenario, arn, laptop);
        await scenario.AssertNoSecretLeakedAsync(new object[] { winner, loser });
    }

    [SandboxFact]
    public async Task A_manual_rotation_whose_AWSPENDING_another_machine_took_over_leaves_that_machines_version_alone()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        string original = (await scenario.StagesAsync(arn)).Current!;
        var laptopJournal = scenario.OtherMachineJournal("laptop");
        var laptopHost = new RecordingHost(scenario.Time);
        var laptop = new SecretRotationRunner(scenario.Client, laptopJournal, laptopHost, scenario.CloudWatch);

        // The laptop's PutSecretValue waits at AWS; meanwhile the runner stages its version and tests it
        // until the laptop's value lands and takes AWSPENDING over, then waits for the laptop to finish.
        sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "PutSecretValue", Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(2), Count = 1 });
        var laptopRun = laptop.RotateAsync(Generated(arn));
        await Eventually.True(() => sandbox.Faults.Rules.Single().Hits == 1);
        var request = Literal(arn, "Runner-Pa55word-0803");
        request.Tester = new DelegateTester(_ => SpinWait.SpinUntil(() => laptopRun.IsCompleted, TimeSpan.FromSeconds(20)));
        var loser = await scenario.Runner().RotateAsync(request);
        var winner = await laptopRun;

        Assert.Equal(RotationStatus.Completed, winner.Status);
        Assert.Empty(laptopHost.Warnings);
        Assert.Equal(RotationStatus.Failed, loser.Status);
        Assert.Contains($"Another rotation won: AWSCURRENT moved to version {winner.VersionId}", loser.Message);
        Assert.Contains($"Version {loser.VersionId} no longer holds AWSPENDING", loser.Message);
        Assert.DoesNotContain("-Force", loser.Message);
        // The loser never asked AWS to take a label off the winner's version.
        Assert.DoesNotContain(scenario.Journal.ReadDeployment(loser.DeploymentId),
            e => e.Action == "UpdateSecretVersionStage" && e.Details.Values.Contains(winner.VersionId!));
        var stages = await scenario.StagesAsync(arn);
        Assert.Equal((winner.VersionId, original, null), (stages.Current, stages.Previous, stages.Pending));
        Assert.Equal(3, (await scenario.AllVersionsAsync(arn)).Count);
        await AssertNextRotationsSucceedAsync(scenario, arn, laptop);
    }

    [SandboxFact]
    public async Task A_rejected_value_whose_AWSPENDING_another_machine_took_over_is_dropped_without_advising_to_discard_the_others()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        string original = (await scenario.StagesAsync(arn)).Current!;
        var laptop = scenario.Runner(scenario.OtherMachineJournal("laptop"));

        // As above, but the runner's test rejects its value once the laptop's has taken AWSPENDING over,
        // and the laptop's test waits until the runner has given up.
        sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "PutSecretValue", Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(2), Count = 1 });
        Task<SecretRotation>? runnerRun = null;
        var laptopRequest = Generated(arn);
        laptopRequest.Tester = new DelegateTester(_ => SpinWait.SpinUntil(() => runnerRun?.IsCompleted == true, TimeSpan.FromSeconds(20)));
        var laptopRun = laptop.RotateAsync(laptopRequest);
        await Eventually.True(() => sandbox.Faults.Rules.Single().Hits == 1);
        var request = Literal(arn, "Runner-Pa55word-0804");
        request.Tester = new DelegateTester(input =>
            !SpinWait.SpinUntil(() => sandbox.SecretsManager.Find(arn)!.VersionIdWithStage("AWSPENDING") is { } pending && pending != input.VersionId, TimeSpan.FromSeconds(20)));
        runnerRun = scenario.Runner().RotateAsync(request);
        var rejected = await runnerRun;
        var laptopRotation = await laptopRun;

        Assert.Equal(RotationStatus.Failed, rejected.Status);
        Assert.Contains($"It no longer holds AWSPENDING (another rotation moved the label to version {laptopRotation.VersionId})", rejected.Message);
        Assert.DoesNotContain("-Force", rejected.Message);
        Assert.Equal(RotationStatus.Completed, laptopRotation.Status);
        var stages = await scenario.StagesAsync(arn);
        Assert.Equal((laptopRotation.VersionId, original, null), (stages.Current, stages.Previous, stages.Pending));
        await AssertNextRotationsSucceedAsync(scenario, arn, laptop);
    }

    [SandboxFact]
    public async Task A_service_rotation_started_while_another_machines_is_running_says_so_and_leaves_nothing_behind()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = sandbox.RotationFunctions.Register("orders-db-rotation",
            new RotationFunctionBehavior { Strategy = RotationStrategy.RotateJsonKey("password"), StepLatency = TimeSpan.FromSeconds(3) });
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        string original = (await scenario.StagesAsync(arn)).Current!;
        var laptop = scenario.Runner(scenario.OtherMachineJournal("laptop"));

        // The runner's RotateSecret waits at AWS while the laptop starts its rotation; the clock stands
        // still until the runner has its answer, so the laptop's rotation function is still at work then.
        sandbox.Clock.AutoAdvance = false;
        sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "RotateSecret", Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(2), Count = 1 });
        var runnerRun = scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = function });
        await Eventually.True(() => sandbox.Faults.Rules.Single().Hits == 1);
        var laptopRun = laptop.RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = function });
        var loser = await runnerRun;
        sandbox.Clock.AutoAdvance = true;
        var winner = await laptopRun;

        Assert.Equal(RotationStatus.Completed, winner.Status);
        Assert.Equal(RotationStatus.Failed, loser.Status);
        Assert.Contains($"another rotation of 'prod/orders/db-", loser.Message);
        Assert.Contains($"is running as version {winner.VersionId}; AWSCURRENT is version {original}", loser.Message);
        var stages = await scenario.StagesAsync(arn);
        Assert.Equal((winner.VersionId, original, null), (stages.Current, stages.Previous, stages.Pending));
        Assert.DoesNotContain(await scenario.AllVersionsAsync(arn), v => v.VersionId == loser.VersionId);
        scenario.ResetHost();
        var next = await scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = function });
        Assert.Equal(RotationStatus.Completed, next.Status);
    }

    /// <summary>Each machine rotates again, one after the other, without -Force: nothing the race left blocks them.</summary>
    private static async Task AssertNextRotationsSucceedAsync(Scenario scenario, string arn, SecretRotationRunner otherMachine)
    {
        scenario.ResetHost();
        var again = await scenario.Runner().RotateAsync(Generated(arn));
        var andAgain = await otherMachine.RotateAsync(Generated(arn));
        Assert.Equal((RotationStatus.Completed, RotationStatus.Completed), (again.Status, andAgain.Status));
        Assert.Equal(andAgain.VersionId, (await scenario.StagesAsync(arn)).Current);
    }

    private static SecretRotationRequest Literal(string arn, string password) => new SecretRotationRequest
    {
        SecretId = arn,
        NewValue = NewSecretValue.Literal(SensitiveValue.FromString(password), jsonKey: "password"),
    };

    private static SecretRotationRequest Generated(string arn) => new SecretRotationRequest
    {
        SecretId = arn,
        NewValue = NewSecretValue.Generated(new RandomPasswordRequest(), jsonKey: "password"),
    };
}
