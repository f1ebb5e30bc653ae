using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Validation;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Scenarios.Tests.Infrastructure;
using RotationOps.Tests.Shared;

namespace RotationOps.Scenarios.Tests;

/// <summary>
/// Seed 000 "automated secret rotation" and seed 001's four-step rotation: RotateSecret through a
/// rotation function, waited on until the new version is AWSCURRENT and AWSPENDING is gone.
/// </summary>
public sealed class ServiceRotationScenarios
{
    private const string DbJson = "{\"username\":\"orders_app\",\"password\":\"Initial-Pa55word-1001\"}";

    [SandboxFact]
    public async Task Enabling_rotation_with_a_function_and_schedule_rotates_and_leaves_exactly_current_and_previous()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = sandbox.RotationFunctions.Register("orders-db-rotation",
            new RotationFunctionBehavior { Strategy = RotationStrategy.RotateJsonKey("password"), StepLatency = TimeSpan.FromSeconds(3) });
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        string original = (await scenario.StagesAsync(arn)).Current!;

        var rotation = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn,
            RotationLambdaArn = function,
            RotationRules = new RotationRules { AutomaticallyAfterDays = 30 },
        });

        Assert.Equal(RotationStatus.Completed, rotation.Status);
        Assert.Equal(RotationMode.Service, rotation.Mode);
        var secret = await scenario.DescribeAsync(arn);
        Assert.True(secret.RotationEnabled);
        Assert.Equal(function, secret.RotationLambdaArn);
        Assert.Equal(30, secret.RotationRules!.AutomaticallyAfterDays);
        // Seed 001: after a rotation exactly two labelled versions, AWSCURRENT and AWSPREVIOUS.
        Assert.Equal(2, secret.VersionIdsToStages.Count);
        Assert.Equal(new[] { SecretStages.Current }, secret.VersionIdsToStages[rotation.VersionId!]);
        Assert.Equal(new[] { SecretStages.Previous }, secret.VersionIdsToStages[original]);
        SecretAssert.Contains("\"username\":\"orders_app\"", await scenario.ReadAsync(arn));
        Assert.True(sandbox.Downstream.Accepts(arn, await scenario.ReadAsync(arn)));
        Assert.Contains(scenario.Host.Progress, p => p.Activity.Contains("prod/orders/db"));

        var validation = await scenario.Validator().ValidateAsync(new SecretValidationRequest
        {
            SecretId = arn,
            ExpectedVersionId = rotation.VersionId,
            ExpectedPreviousVersionId = rotation.PreviousVersionId,
            RequiredKeys = new[] { "username", "password" },
        });
        Assert.True(validation.Passed, string.Join("; ", validation.Checks));
        Assert.DoesNotContain(validation.Checks, c => c.Result == CheckResult.Warning);
        await scenario.AssertNoSecretLeakedAsync(new object[] { rotation, validation });
    }

    [SandboxFact]
    public async Task Two_rotations_in_a_row_keep_two_labelled_versions_and_deprecate_the_oldest()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = sandbox.RotationFunctions.Register("myrotation-t1-test", new RotationFunctionBehavior());
        string arn = await scenario.CreateSecretAsync("myApp-1/myGroup-1/mySecret-1", "{\"key\":\"initial-hmac-key-0001\"}");
        string first = (await scenario.StagesAsync(arn)).Current!;

        var one = await scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = function, RotationRules = new RotationRules { AutomaticallyAfterDays = 90 } });
        var two = await scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn });

        Assert.Equal(RotationStatus.Completed, two.Status);
        var stages = await scenario.StagesAsync(arn);
        Assert.Equal(two.VersionId, stages.Current);
        Assert.Equal(one.VersionId, stages.Previous);
        var versions = await scenario.AllVersionsAsync(arn);
        Assert.Contains(versions, v => v.VersionId == first && v.VersionStages.Count == 0);
    }

    [SandboxFact]
    public async Task A_secret_without_a_rotation_function_is_refused_before_any_change()
    {
        await using var scenario = await Scenario.StartAsync();
        string arn = await scenario.CreateSecretAsync("prod/no-function", DbJson);

        var error = await Assert.ThrowsAsync<RunbookException>(() => scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn }));

        Assert.Equal("RotationLambdaArn", error.ParameterName);
        Assert.Empty(scenario.Host.Prompts);
        Assert.Null((await scenario.DescribeAsync(arn)).RotationEnabled);
    }

    [SandboxFact]
    public async Task A_rerun_after_Ctrl_C_waits_for_the_rotation_in_flight_and_reports_the_same_version()
    {
        await using var scenario = await Scenario.StartAsync();
        var (arn, request, original, inFlight) = await RotationStoppedByCtrlCAsync(scenario);
        Assert.NotNull(inFlight);

        scenario.ResetHost();
        var resumed = await scenario.Runner().RotateAsync(request);

        Assert.Equal(RotationStatus.Completed, resumed.Status);
        Assert.Equal(inFlight, resumed.VersionId);
        Assert.Equal(original, resumed.PreviousVersionId);
        var stages = await scenario.StagesAsync(arn);
        Assert.Equal(inFlight, stages.Current);
        Assert.Null(stages.Pending);
        Assert.Equal(2, (await scenario.AllVersionsAsync(arn)).Count);
        Assert.Contains(scenario.Host.Warnings, w => w.Contains("Resuming rotation"));
        var journal = scenario.Journal.ReadDeployment(resumed.DeploymentId);
        Assert.Single(journal, e => e.Action == "RotateSecret" && e.Phase == JournalPhase.Succeeded);
        Assert.Contains(journal, e => e.Action == "SecretRotation" && e.Phase == JournalPhase.Completed);
    }

    [SandboxFact]
    public async Task A_rotation_that_finished_after_Ctrl_C_is_reported_by_the_rerun_without_a_second_rotation()
    {
        await using var scenario = await Scenario.StartAsync();
        var (arn, request, _, inFlight) = await RotationStoppedByCtrlCAsync(scenario);

        scenario.RequireSandbox().Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(inFlight, (await scenario.StagesAsync(arn)).Current);
        scenario.ResetHost();
        var rerun = await scenario.Runner().RotateAsync(request);

        Assert.Equal(RotationStatus.Completed, rerun.Status);
        Assert.Equal(inFlight, rerun.VersionId);
        Assert.Equal(2, (await scenario.AllVersionsAsync(arn)).Count);
    }

    [SandboxFact]
    public async Task A_rerun_naming_another_function_does_not_adopt_the_rotation_in_flight()
    {
        await using var scenario = await Scenario.StartAsync();
        var (arn, _, _, _) = await RotationStoppedByCtrlCAsync(scenario);
        string other = scenario.RequireSandbox().RotationFunctions.Register("other-rotation", new RotationFunctionBehavior());

        scenario.ResetHost();
        var refused = await Assert.ThrowsAsync<RunbookException>(() => scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = other }));

        Assert.Equal("RotationInProgress", refused.ErrorId);
        Assert.Contains("still in flight", refused.Message);
        Assert.DoesNotContain("-Complete", refused.Message);
    }

    [SandboxFact]
    public async Task An_on_demand_rotation_resets_the_schedule()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = sandbox.RotationFunctions.Register("mysql-root-rotation", new RotationFunctionBehavior { Strategy = RotationStrategy.RotateJsonKey("password") });
        string arn = await scenario.CreateSecretAsync("clients/acme/mysql-root", DbJson);
        await scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = function, RotationRules = new RotationRules { AutomaticallyAfterDays = 40 } });
        var configured = await scenario.DescribeAsync(arn);

        sandbox.Clock.Advance(TimeSpan.FromDays(20));
        var onDemand = await scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn });

        Assert.Equal(RotationStatus.Completed, onDemand.Status);
        var reset = await scenario.DescribeAsync(arn);
        Assert.True(reset.LastRotatedDate > configured.LastRotatedDate!.Value.AddDays(19));
        Assert.True(reset.NextRotationDate > configured.NextRotationDate, "the on-demand rotation must push the next scheduled rotation out");
    }
    /// <summary>
    /// A service rotation through a function that takes an hour a step, stopped by Ctrl+C while
    /// it waits: the secret, the request to run again, the version AWSCURRENT was on, and the
    /// version the rotation left in flight (AWSPENDING).
    /// </summary>
    private static async Task<(string Arn, SecretRotationRequest Request, string Original, string InFlight)> RotationStoppedByCtrlCAsync(Scenario scenario)
    {
        string function = scenario.RequireSandbox().RotationFunctions.Register("slow-rotation", new RotationFunctionBehavior { StepLatency = TimeSpan.FromHours(1) });
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        string original = (await scenario.StagesAsync(arn)).Current!;
        var request = new SecretRotationRequest { SecretId = arn, RotationLambdaArn = function, Timeout = TimeSpan.FromDays(1) };
        var first = scenario.Runner().RotateAsync(request);
        await Eventually.True(() => scenario.Host.Progress.Count > 2);
        scenario.PressCtrlC();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        return (arn, request, original, (await scenario.StagesAsync(arn)).UnfinishedPending!);
    }
}
