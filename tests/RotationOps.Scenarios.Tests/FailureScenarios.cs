using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Security;
using RotationOps.Sandbox.CloudWatch.Metrics;
using RotationOps.Sandbox.Faults;
using RotationOps.Sandbox.Metrics;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Scenarios.Tests.Infrastructure;
using RotationOps.Tests.Shared;

namespace RotationOps.Scenarios.Tests;

/// <summary>
/// Seed 004's negative scenarios: Secrets Manager throttled or unavailable part-way, and a
/// rotation function failing at each step. Whatever happens, AWSCURRENT keeps the old value,
/// readable, and the journal says what was done.
/// </summary>
public sealed class FailureScenarios
{
    private const string DbJson = "{\"username\":\"root\",\"password\":\"Initial-Pa55word-4001\"}";

    [SandboxTheory]
    [InlineData(RotationStep.CreateSecret, "createSecret failed")]
    [InlineData(RotationStep.SetSecret, "setSecret, testSecret or finishSecret")]
    [InlineData(RotationStep.TestSecret, "setSecret, testSecret or finishSecret")]
    [InlineData(RotationStep.FinishSecret, "setSecret, testSecret or finishSecret")]
    public async Task A_rotation_function_failing_at_a_step_is_reported_and_the_old_password_stays_current(RotationStep step, string diagnosis)
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = sandbox.RotationFunctions.Register("mysql-rotation",
            new RotationFunctionBehavior { Strategy = RotationStrategy.RotateJsonKey("password"), FailAtStep = step, KeepCurrentCredentialValid = true });
        string arn = await scenario.CreateSecretAsync("clients/acme/mysql-root", DbJson);
        sandbox.Downstream.Set(arn, DbJson);
        string original = (await scenario.StagesAsync(arn)).Current!;

        var rotation = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn,
            RotationLambdaArn = function,
            Timeout = TimeSpan.FromMinutes(3),
        });

        Assert.Equal(RotationStatus.Failed, rotation.Status);
        Assert.Contains(diagnosis, rotation.Message);
        Assert.Contains("/aws/lambda/mysql-rotation", rotation.Message);
        Assert.Contains($"AWSCURRENT is still version {original}", rotation.Message);
        var stages = await scenario.StagesAsync(arn);
        Assert.Equal(original, stages.Current);
        SecretAssert.Same(DbJson, await scenario.ReadAsync(arn));
        Assert.True(sandbox.Downstream.Accepts(arn, DbJson), "the database must still accept the current password");
        Assert.Equal(rotation.VersionId, stages.UnfinishedPending);
        var journal = scenario.Journal.ReadDeployment(rotation.DeploymentId);
        Assert.Contains(journal, e => e.Action == "RotateSecret" && e.Phase == JournalPhase.Succeeded);
        Assert.Contains(journal, e => e.Action == "SecretRotation" && e.Phase == JournalPhase.Aborted && e.Error!.Contains(diagnosis));
        await scenario.AssertNoSecretLeakedAsync(new object[] { rotation });
    }

    [SandboxFact]
    public async Task A_failing_rotation_function_is_reported_from_its_errors_within_minutes_not_at_the_timeout()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = sandbox.RotationFunctions.Register("orders-rotation",
            new RotationFunctionBehavior { Strategy = RotationStrategy.RotateJsonKey("password"), FailAtStep = RotationStep.SetSecret, KeepCurrentCredentialValid = true });
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        sandbox.Downstream.Set(arn, DbJson);

        var rotation = await scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = function, Timeout = TimeSpan.FromHours(1) });

        Assert.Equal(RotationStatus.Failed, rotation.Status);
        Assert.Contains("AWS/Lambda counts 1 error(s)", rotation.Message);
        Assert.Contains("setSecret, testSecret or finishSecret", rotation.Message);
        Assert.True(rotation.Duration < TimeSpan.FromMinutes(3), $"reported after {rotation.Duration}, where the timeout was an hour");
    }

    [SandboxFact]
    public async Task An_earlier_rotations_errors_are_not_blamed_on_this_one_when_CloudWatch_first_answers_incompletely()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        // Slow enough for the watch's checks (every 30 s) to run while it rotates.
        string function = sandbox.RotationFunctions.Register("orders-rotation",
            new RotationFunctionBehavior { Strategy = RotationStrategy.RotateJsonKey("password"), StepLatency = TimeSpan.FromSeconds(20), KeepCurrentCredentialValid = true });
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        sandbox.Downstream.Set(arn, DbJson);
        // An earlier rotation's error, in the minute this one starts.
        sandbox.CloudWatch.Metrics.Put(new MetricDatum("AWS/Lambda", "Errors", new Dictionary<string, string> { ["FunctionName"] = "orders-rotation" },
            scenario.Time.GetUtcNow(), StatisticValues.Single(1), "Count"));
        // The first read, the watch's baseline, fails; CloudWatch answers in full from the first poll on.
        sandbox.CloudWatch.Metrics.ReadFailure = new MetricDataFailure("InternalError", "Internal failure.") { MetricName = "Errors" };
        scenario.Host.ProgressWritten = _ => sandbox.CloudWatch.Metrics.ReadFailure = null;

        var rotation = await scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = function, Timeout = TimeSpan.FromHours(1) });

        Assert.True(rotation.Status == RotationStatus.Completed, rotation.Message);
        Assert.True(rotation.Duration > TimeSpan.FromSeconds(60), $"the rotation took {rotation.Duration}, too short for the watch to check");
        Assert.Contains(scenario.Host.Verbose, line => line.StartsWith("Not watching orders-rotation's AWS/Lambda Errors: CloudWatch's answer was incomplete (orders-rotation Errors: InternalError", StringComparison.Ordinal));
    }

    [SandboxFact]
    public async Task After_a_failed_rotation_the_next_run_is_refused_until_forced_and_then_succeeds()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string broken = sandbox.RotationFunctions.Register("broken-rotation", new RotationFunctionBehavior { FailAtStep = RotationStep.TestSecret });
        string fixedFunction = sandbox.RotationFunctions.Register("fixed-rotation", new RotationFunctionBehavior());
        string arn = await scenario.CreateSecretAsync("prod/payments/api", "{\"api_key\":\"initial-api-key-4002\"}");
        var failed = await scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = broken, Timeout = TimeSpan.FromMinutes(1) });
        Assert.Equal(RotationStatus.Failed, failed.Status);

        var refused = await Assert.ThrowsAsync<Engine.Errors.RunbookException>(() =>
            scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = fixedFunction }));
        Assert.Equal("RotationInProgress", refused.ErrorId);

        var forced = await scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = fixedFunction, Force = true });
        Assert.Equal(RotationStatus.Completed, forced.Status);
        Assert.Contains(await scenario.AllVersionsAsync(arn), v => v.VersionId == failed.VersionId);
        Assert.Null((await scenario.StagesAsync(arn)).Pending);
    }

    [SandboxFact]
    public async Task A_version_a_failed_rotation_function_left_is_never_advised_for_completion_and_Complete_refuses_it()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = sandbox.RotationFunctions.Register("mysql-rotation",
            new RotationFunctionBehavior { Strategy = RotationStrategy.RotateJsonKey("password"), FailAtStep = RotationStep.SetSecret, KeepCurrentCredentialValid = true });
        string arn = await scenario.CreateSecretAsync("clients/acme/mysql-root", DbJson);
        sandbox.Downstream.Set(arn, DbJson);
        string original = (await scenario.StagesAsync(arn)).Current!;
        var failed = await scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = function, Timeout = TimeSpan.FromMinutes(1) });
        Assert.Equal(RotationStatus.Failed, failed.Status);
        Assert.DoesNotContain("-Complete", failed.Message);
        Assert.Contains($"-Force, which takes AWSPENDING off version {failed.VersionId}", failed.Message);

        var refused = await Assert.ThrowsAsync<Engine.Errors.RunbookException>(() =>
            scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = function }));
        Assert.Equal("RotationInProgress", refused.ErrorId);
        Assert.DoesNotContain("-Complete", refused.Message);
        Assert.Contains("Fix the function (its log group is /aws/lambda/mysql-rotation)", refused.Message);
        Assert.Contains("-Force", refused.Message);

        var notStaged = await Assert.ThrowsAsync<Engine.Errors.RunbookException>(() =>
            scenario.Runner().CompleteAsync(arn, failed.VersionId!, failed.PreviousVersionId, deploymentId: null, force: false, tester: null));
        Assert.Equal("VersionNotStaged", notStaged.ErrorId);
        Assert.Equal(Engine.Errors.RunbookErrorCategory.InvalidOperation, notStaged.Category);
        Assert.DoesNotContain("-Complete", notStaged.Message);
        var stages = await scenario.StagesAsync(arn);
        Assert.Equal(original, stages.Current);
        Assert.Equal(failed.VersionId, stages.UnfinishedPending);
        Assert.True(sandbox.Downstream.Accepts(arn, await scenario.ReadAsync(arn)), "the database must still accept AWSCURRENT");
        await scenario.AssertNoSecretLeakedAsync(new object[] { failed }, new Exception[] { refused, notStaged });
    }

    [SandboxFact]
    public async Task Throttling_mid_rotation_is_retried_and_the_rotation_completes()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string arn = await scenario.CreateSecretAsync("clients/acme/mysql-root", DbJson);
        sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "UpdateSecretVersionStage", Kind = FaultKind.Throttle, Count = 2 });
        sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "PutSecretValue", Kind = FaultKind.Throttle, Count = 1 });

        var rotation = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn,
            NewValue = NewSecretValue.Generated(new RandomPasswordRequest(), jsonKey: "password"),
        });

        Assert.Equal(RotationStatus.Completed, rotation.Status);
        Assert.Equal(rotation.VersionId, (await scenario.StagesAsync(arn)).Current);
        Assert.All(sandbox.Faults.Rules, rule => Assert.Equal(rule.Rule.Count, rule.Hits));
        Assert.Equal(2, (await scenario.AllVersionsAsync(arn)).Count);
    }

    [SandboxFact]
    public async Task Secrets_Manager_unavailable_while_promoting_leaves_the_old_value_current_and_a_rerun_finishes()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string arn = await scenario.CreateSecretAsync("clients/acme/mysql-root", DbJson);
        string original = (await scenario.StagesAsync(arn)).Current!;
        string outage = sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "UpdateSecretVersionStage", Kind = FaultKind.ServerError });

        var failed = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn,
            NewValue = NewSecretValue.Literal(SensitiveValue.FromString("Outage-Pa55word-4003"), jsonKey: "password"),
        });

        Assert.Equal(RotationStatus.Failed, failed.Status);
        Assert.Contains("-Complete", failed.Message);
        Assert.Equal(original, (await scenario.StagesAsync(arn)).Current);
        SecretAssert.Same(DbJson, await scenario.ReadAsync(arn));
        Assert.Contains(scenario.Journal.ReadDeployment(failed.DeploymentId),
            e => e.Action == "UpdateSecretVersionStage" && e.Phase == JournalPhase.Failed && e.Error!.Contains("InternalServiceError"));

        sandbox.Faults.Remove(outage);
        scenario.ResetHost();
        var resumed = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn,
            NewValue = NewSecretValue.Literal(SensitiveValue.FromString("Outage-Pa55word-4003"), jsonKey: "password"),
        });
        Assert.Equal(RotationStatus.Completed, resumed.Status);
        Assert.Equal(failed.VersionId, resumed.VersionId);
        Assert.Equal(failed.DeploymentId, resumed.DeploymentId);
    }

    [SandboxFact]
    public async Task Secrets_Manager_unavailable_when_starting_a_service_rotation_changes_nothing()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = sandbox.RotationFunctions.Register("rotation", new RotationFunctionBehavior());
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "RotateSecret", Kind = FaultKind.ServerError });

        var failed = await scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = function });

        Assert.Equal(RotationStatus.Failed, failed.Status);
        Assert.Contains("Starting the rotation failed", failed.Message);
        Assert.Null((await scenario.StagesAsync(arn)).Pending);
        SecretAssert.Same(DbJson, await scenario.ReadAsync(arn));
    }

    [SandboxFact]
    public async Task Dropped_connections_while_waiting_are_retried()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = sandbox.RotationFunctions.Register("rotation", new RotationFunctionBehavior { StepLatency = TimeSpan.FromSeconds(10) });
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "DescribeSecret", Kind = FaultKind.DropConnection, Skip = 1, Count = 2 });

        var rotation = await scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = function });

        Assert.Equal(RotationStatus.Completed, rotation.Status);
    }

    [SandboxFact]
    public async Task Ctrl_C_while_waiting_stops_at_once_and_the_journal_says_so()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = sandbox.RotationFunctions.Register("slow-rotation", new RotationFunctionBehavior { StepLatency = TimeSpan.FromHours(1) });
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        var runner = scenario.Runner();

        var run = runner.RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = function, Timeout = TimeSpan.FromDays(1) });
        await Eventually.True(() => scenario.Host.Progress.Count > 2);
        scenario.PressCtrlC();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var entries = scenario.Journal.ReadAll();
        Assert.Contains(entries, e => e.Action == "SecretRotation" && e.Phase == JournalPhase.Aborted && e.Details["Status"] == "Interrupted");
        SecretAssert.Same(DbJson, await scenario.ReadAsync(arn));
    }
}
