using System;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Canary;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Rotation;
using RotationOps.Sandbox.Faults;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Scenarios.Tests.Infrastructure;
using RotationOps.Tests.Shared;

namespace RotationOps.Scenarios.Tests;

/// <summary>
/// A mutation AWS applied whose answer never arrived (DropReply), or that was never applied
/// (DropConnection): what the module reports and journals is what a read-back finds AWS holding.
/// </summary>
public sealed class LostReplyScenarios
{
    [SandboxFact]
    public async Task A_canary_whose_route_was_made_but_its_answer_lost_is_reported_routed_as_the_alias_is()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        sandbox.Faults.Add(new FaultRule { Service = "lambda", Operation = "UpdateAlias", Kind = FaultKind.DropReply, Count = 1 });

        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1 });

        Assert.Equal(1, Assert.Single(sandbox.Faults.Rules).Hits);
        Assert.Equal(DeploymentStatus.Canary, canary.Status);
        Assert.Equal(0.1, sandbox.Lambda.Find(function)!.Aliases.Single().AdditionalVersionWeights[canary.CanaryVersion]);
        var update = scenario.Journal.ReadDeployment(canary.DeploymentId).Where(e => e.Action == "UpdateAlias").ToList();
        Assert.Equal(new[] { JournalPhase.Intent, JournalPhase.Succeeded }, update.Select(e => e.Phase));
        Assert.Equal("applied", update[1].Details["ReadBack"]);
    }

    [SandboxFact]
    public async Task A_promotion_and_an_undo_whose_answers_were_lost_report_where_the_alias_really_is()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1 });

        sandbox.Faults.Add(new FaultRule { Service = "lambda", Operation = "UpdateAlias", Kind = FaultKind.DropReply, Count = 1 });
        var promoted = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest { DeploymentId = canary.DeploymentId, Promote = true });
        Assert.Equal(DeploymentStatus.Promoted, promoted.Status);
        Assert.Equal(canary.CanaryVersion, sandbox.Lambda.Find(function)!.Aliases.Single().FunctionVersion);

        sandbox.Faults.Add(new FaultRule { Service = "lambda", Operation = "UpdateAlias", Kind = FaultKind.DropReply, Count = 1 });
        var undone = await scenario.Undo().UndoAsync(new UndoRequest { DeploymentId = canary.DeploymentId });
        Assert.Equal(RollbackStatus.Completed, undone.Status);
        var alias = sandbox.Lambda.Find(function)!.Aliases.Single();
        Assert.Equal(canary.StableVersion, alias.FunctionVersion);
        Assert.Empty(alias.AdditionalVersionWeights);
        Assert.All(sandbox.Faults.Rules, rule => Assert.Equal(1, rule.Hits));
    }

    [SandboxFact]
    public async Task A_route_that_was_never_made_is_reported_unmade_and_journaled_as_read_back()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        // Every attempt is cut before AWS sees it: nothing is applied however often it is sent.
        sandbox.Faults.Add(new FaultRule { Service = "lambda", Operation = "UpdateAlias", Kind = FaultKind.DropConnection });

        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1 });

        Assert.Equal(DeploymentStatus.Aborted, canary.Status);
        Assert.Contains("the alias is unchanged on version 1", canary.Message);
        var alias = sandbox.Lambda.Find(function)!.Aliases.Single();
        Assert.Equal("1", alias.FunctionVersion);
        Assert.Empty(alias.AdditionalVersionWeights);
        var failed = scenario.Journal.ReadDeployment(canary.DeploymentId).Single(e => e.Action == "UpdateAlias" && e.Phase == JournalPhase.Failed);
        Assert.Equal("not applied", failed.Details["ReadBack"]);
    }

    [SandboxFact]
    public async Task A_service_rotation_started_though_the_answer_to_RotateSecret_was_lost_is_watched_to_its_end()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", """{"username":"app","password":"Initial-Pa55word-8101"}""");
        string function = sandbox.RotationFunctions.Register("lost-reply-rotation", new RotationFunctionBehavior());
        sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "RotateSecret", Kind = FaultKind.DropReply, Count = 1 });

        var rotation = await scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = function });

        Assert.Equal(RotationStatus.Completed, rotation.Status);
        var stages = await scenario.StagesAsync(arn);
        Assert.Equal(rotation.VersionId, stages.Current);
        Assert.Null(stages.Pending);
        Assert.Equal(2, (await scenario.AllVersionsAsync(arn)).Count);
    }

    [SandboxFact]
    public async Task A_rerun_after_routing_failed_publishes_nothing_new_and_routes_the_version_the_first_run_published()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        var request = new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1 };
        string rule = sandbox.Faults.Add(new FaultRule { Service = "lambda", Operation = "UpdateAlias", Kind = FaultKind.DropConnection });
        var failed = await scenario.Publisher().PublishAsync(request);
        Assert.Equal(DeploymentStatus.Aborted, failed.Status);
        sandbox.Faults.Remove(rule);
        scenario.ResetHost();

        var canary = await scenario.Publisher().PublishAsync(request);

        Assert.Equal(DeploymentStatus.Canary, canary.Status);
        Assert.Equal("2", canary.CanaryVersion);
        Assert.Equal(new[] { "$LATEST", "1", "2" }, sandbox.Lambda.Find(function)!.Versions.Select(v => v.Version));
        Assert.Equal(0.1, sandbox.Lambda.Find(function)!.Aliases.Single().AdditionalVersionWeights["2"]);
        Assert.Contains(scenario.Host.Warnings, w => w.Contains("already carries exactly this change"));
    }

    [SandboxFact]
    public async Task The_same_command_after_its_run_stopped_mid_publish_resumes_that_deployment_under_its_id()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        var request = new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1 };
        sandbox.Faults.Add(new FaultRule { Service = "lambda", Operation = "PublishVersion", Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(30), Count = 1 });
        var first = scenario.Publisher().PublishAsync(request);
        // Ctrl+C while PublishVersion is at AWS: the delayed call is the one that is cut short.
        await Eventually.True(() => sandbox.Faults.Rules.Single().Hits == 1);
        scenario.PressCtrlC();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        string interrupted = scenario.Journal.ReadAll().First(e => e.Action == "LambdaDeployment").DeploymentId;
        scenario.ResetHost();

        var resumed = await scenario.Publisher().PublishAsync(request);

        Assert.Equal(interrupted, resumed.DeploymentId);
        Assert.Equal(DeploymentStatus.Canary, resumed.Status);
        Assert.Equal(0.1, sandbox.Lambda.Find(function)!.Aliases.Single().AdditionalVersionWeights[resumed.CanaryVersion]);
        Assert.Single(scenario.Journal.ReadAll(), e => e.Action == "LambdaDeployment" && e.Phase == JournalPhase.Started);
    }

    [SandboxFact]
    public async Task A_manual_rotation_whose_staging_and_promotion_answers_were_lost_completes_with_one_new_version()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", """{"username":"app","password":"Initial-Pa55word-8201"}""");
        sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "PutSecretValue", Kind = FaultKind.DropReply, Count = 1 });
        sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "UpdateSecretVersionStage", Kind = FaultKind.DropReply, Count = 1 });

        var rotation = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn, NewValue = NewSecretValue.Generated(new Engine.SecretsManager.RandomPasswordRequest(), jsonKey: "password"),
        });

        Assert.Equal(RotationStatus.Completed, rotation.Status);
        Assert.All(sandbox.Faults.Rules, rule => Assert.Equal(1, rule.Hits));
        Assert.Equal(rotation.VersionId, (await scenario.StagesAsync(arn)).Current);
        Assert.Equal(2, (await scenario.AllVersionsAsync(arn)).Count);
    }

    [SandboxFact]
    public async Task A_promotion_made_though_its_answer_was_lost_and_every_resend_throttled_is_reported_completed()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", """{"username":"app","password":"Initial-Pa55word-8401"}""");
        // Found by the soak: the first send moves AWSCURRENT and its answer is lost; the client's
        // resends are all throttled, which says nothing about whether the first one was applied.
        sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "UpdateSecretVersionStage", Kind = FaultKind.DropReply, Count = 1 });
        sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "UpdateSecretVersionStage", Kind = FaultKind.Throttle, Count = 3 });

        var rotation = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn, NewValue = NewSecretValue.Generated(new Engine.SecretsManager.RandomPasswordRequest(), jsonKey: "password"),
        });

        Assert.Equal(new[] { 1, 3 }, sandbox.Faults.Rules.Select(rule => rule.Hits));
        Assert.Equal(RotationStatus.Completed, rotation.Status);
        var stages = await scenario.StagesAsync(arn);
        Assert.Equal((rotation.VersionId, null), (stages.Current, stages.Pending));
        var promotion = scenario.Journal.ReadDeployment(rotation.DeploymentId)
            .Where(e => e.Action == "UpdateSecretVersionStage" && e.Details["Stage"] == "AWSCURRENT").ToList();
        Assert.Equal(new[] { JournalPhase.Intent, JournalPhase.Succeeded }, promotion.Select(e => e.Phase));
        Assert.Equal("applied", promotion[1].Details["ReadBack"]);
    }

    [SandboxFact]
    public async Task Staging_that_never_happened_says_so_and_the_rerun_starts_anew()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", """{"username":"app","password":"Initial-Pa55word-8301"}""");
        string before = (await scenario.StagesAsync(arn)).Current!;
        string rule = sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "PutSecretValue", Kind = FaultKind.DropConnection });
        var request = new SecretRotationRequest { SecretId = arn, NewValue = NewSecretValue.Generated(new Engine.SecretsManager.RandomPasswordRequest(), jsonKey: "password") };

        var failed = await scenario.Runner().RotateAsync(request);

        Assert.Equal(RotationStatus.Failed, failed.Status);
        Assert.Contains("Nothing was staged", failed.Message);
        Assert.Equal(before, (await scenario.StagesAsync(arn)).Current);
        Assert.Single(await scenario.AllVersionsAsync(arn));
        sandbox.Faults.Remove(rule);
        scenario.ResetHost();
        var rerun = await scenario.Runner().RotateAsync(request);
        Assert.Equal(RotationStatus.Completed, rerun.Status);
        Assert.NotEqual(failed.DeploymentId, rerun.DeploymentId);
    }
}
