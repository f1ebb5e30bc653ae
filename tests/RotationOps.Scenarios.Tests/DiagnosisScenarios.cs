using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Validation;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Scenarios.Tests.Infrastructure;

namespace RotationOps.Scenarios.Tests;

/// <summary>
/// Seed 003: "the database password hasn't rotated in 90 days despite a rotation policy being
/// configured". Test-RotatedSecret must name the cause.
/// </summary>
public sealed class DiagnosisScenarios
{
    private const string DbJson = "{\"username\":\"app\",\"password\":\"Stale-Pa55word-3001\"}";

    [SandboxFact]
    public async Task A_secret_whose_rotation_was_never_configured_fails_by_name_and_is_overdue()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string arn = await scenario.CreateSecretAsync("prod/db/password", DbJson);
        sandbox.Clock.Advance(TimeSpan.FromDays(91));

        var validation = await scenario.Validator().ValidateAsync(new SecretValidationRequest { SecretId = arn, MaxAge = TimeSpan.FromDays(90) });

        Assert.False(validation.Passed);
        Assert.Equal(new[] { SecretCheckNames.RotationEnabled, SecretCheckNames.RotationFunctionConfigured, SecretCheckNames.NotOverdue },
            validation.FailedChecks);
        Assert.Contains("never configured", Check(validation, SecretCheckNames.RotationEnabled).Detail);
        Assert.Contains("91 days ago", Check(validation, SecretCheckNames.NotOverdue).Detail);
        Assert.Equal(CheckResult.Passed, Check(validation, SecretCheckNames.CurrentReadable).Result);
        await scenario.AssertNoSecretLeakedAsync(new object[] { validation });
    }

    [SandboxFact]
    public async Task A_configured_rotation_whose_function_keeps_failing_shows_a_stuck_pending_version_and_a_missed_schedule()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = sandbox.RotationFunctions.Register("db-password-rotation", new RotationFunctionBehavior { FailAtStep = RotationStep.SetSecret });
        string arn = await scenario.CreateSecretAsync("prod/db/password", DbJson);
        // The Terraform of seed 003, once fixed: rotation configured for every 30 days.
        await scenario.Client.RotateSecretAsync(new RotateSecretRequest
        {
            SecretId = arn,
            RotationLambdaArn = function,
            RotationRules = new RotationRules { AutomaticallyAfterDays = 30 },
        }, CancellationToken.None);
        sandbox.Clock.Advance(TimeSpan.FromDays(35));

        var validation = await scenario.Validator().ValidateAsync(new SecretValidationRequest { SecretId = arn });

        Assert.Equal(CheckResult.Passed, Check(validation, SecretCheckNames.RotationEnabled).Result);
        Assert.Equal(CheckResult.Passed, Check(validation, SecretCheckNames.RotationFunctionConfigured).Result);
        Assert.Equal(CheckResult.Failed, Check(validation, SecretCheckNames.NoPendingLeft).Result);
        Assert.Equal(CheckResult.Failed, Check(validation, SecretCheckNames.NotOverdue).Result);
        Assert.Contains("never rotated", Check(validation, SecretCheckNames.NotOverdue).Detail);
    }

    [Fact]
    public async Task A_healthy_secret_passes_and_excluded_checks_are_reported_as_skipped()
    {
        await using var scenario = await Scenario.StartAsync();
        string arn = await scenario.CreateSecretAsync("prod/manual-only", DbJson);

        var validation = await scenario.Validator().ValidateAsync(new SecretValidationRequest
        {
            SecretId = arn,
            RequiredKeys = new[] { "username", "password", "port" },
            ExcludedChecks = new System.Collections.Generic.HashSet<string> { SecretCheckNames.RotationEnabled, SecretCheckNames.RotationFunctionConfigured },
        });

        Assert.Equal(new[] { SecretCheckNames.RequiredKeys }, validation.FailedChecks);
        Assert.Contains("port", Check(validation, SecretCheckNames.RequiredKeys).Detail);
        Assert.Equal(CheckResult.Skipped, Check(validation, SecretCheckNames.RotationEnabled).Result);
        Assert.Equal(CheckResult.Skipped, Check(validation, SecretCheckNames.PreviousKept).Result);
    }

    private static SecretCheck Check(SecretValidation validation, string name) => validation.Checks.Single(c => c.Name == name);
}
