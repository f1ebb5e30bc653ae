using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Validation;
using RotationOps.Sandbox.Lambda;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Scenarios.Tests.Infrastructure;

namespace RotationOps.Scenarios.Tests;

/// <summary>
/// Seed 003's Lambda-side causes, each named by Test-RotatedSecret, and the consumer checks
/// (does a function that uses the secret still work after the rotation?).
/// </summary>
public sealed class LambdaDiagnosisScenarios
{
    private const string DbJson = "{\"username\":\"app\",\"password\":\"Stale-Pa55word-6001\"}";

    [SandboxFact]
    public async Task A_healthy_rotation_function_is_reported_ready()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = sandbox.RotationFunctions.Register("db-password-rotation", new RotationFunctionBehavior());
        string arn = await scenario.CreateSecretAsync("prod/db/password", DbJson);
        await scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = function });

        var validation = await scenario.Validator().ValidateAsync(new SecretValidationRequest { SecretId = arn });

        var ready = validation.Checks.Single(c => c.Name == SecretCheckNames.RotationFunctionReady);
        Assert.Equal(CheckResult.Passed, ready.Result);
        Assert.Contains("secretsmanager.amazonaws.com", ready.Detail);
    }

    [SandboxFact]
    public async Task A_rotation_function_secrets_manager_may_no_longer_invoke_is_named()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = sandbox.RotationFunctions.Register("db-password-rotation", new RotationFunctionBehavior());
        string arn = await scenario.CreateSecretAsync("prod/db/password", DbJson);
        await scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = function, RotationRules = new RotationRules { AutomaticallyAfterDays = 30 } });
        // Someone tidies up the function's resource policy (seed 003's fourth cause).
        string name = function.Substring(function.LastIndexOf(':') + 1);
        var policy = await scenario.Lambda.GetPolicyAsync(name, null, CancellationToken.None);
        foreach (string sid in StatementIds(policy.Policy)) await scenario.Setup.RemovePermissionAsync(name, sid);
        sandbox.Clock.Advance(TimeSpan.FromDays(35));

        var validation = await scenario.Validator().ValidateAsync(new SecretValidationRequest { SecretId = arn });

        var ready = validation.Checks.Single(c => c.Name == SecretCheckNames.RotationFunctionReady);
        Assert.Equal(CheckResult.Failed, ready.Result);
        Assert.Contains("add-permission --principal secretsmanager.amazonaws.com", ready.Detail);
        Assert.Contains(SecretCheckNames.NotOverdue, validation.FailedChecks);
        Assert.Equal(CheckResult.Passed, validation.Checks.Single(c => c.Name == SecretCheckNames.RotationEnabled).Result);
    }

    [SandboxFact]
    public async Task A_deleted_rotation_function_is_named_as_missing()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = sandbox.RotationFunctions.Register("db-password-rotation", new RotationFunctionBehavior());
        string arn = await scenario.CreateSecretAsync("prod/db/password", DbJson);
        await scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = function });
        // Seed 003's third cause: the function the secret names is gone.
        await scenario.Setup.DeleteFunctionAsync(function.Substring(function.LastIndexOf(':') + 1));

        var validation = await scenario.Validator().ValidateAsync(new SecretValidationRequest { SecretId = arn });

        var ready = validation.Checks.Single(c => c.Name == SecretCheckNames.RotationFunctionReady);
        Assert.Equal(CheckResult.Failed, ready.Result);
        Assert.Contains("does not exist", ready.Detail);
        Assert.Equal(CheckResult.Passed, validation.Checks.Single(c => c.Name == SecretCheckNames.RotationFunctionConfigured).Result);
    }

    [SandboxFact]
    public async Task A_consumer_that_cannot_use_the_rotated_secret_fails_both_consumer_checks()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        string consumer = await scenario.CreateLiveFunctionAsync("orders-api", "python3.11");
        sandbox.LambdaBehaviors.Set(consumer, "1", new LambdaBehavior { SecretDependency = new SecretDependency(arn, SecretStages.Current) });
        sandbox.Downstream.Set(arn, DbJson);
        sandbox.Traffic.Drive(consumer, "LIVE", 120);
        // A manual rotation nobody told the database about: every call now fails.
        var rotation = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn, NewValue = NewSecretValue.Generated(new RandomPasswordRequest(), jsonKey: "password"),
        });
        sandbox.Clock.Advance(TimeSpan.FromMinutes(10));

        var validation = await scenario.Validator().ValidateAsync(new SecretValidationRequest
        {
            SecretId = arn, ExpectedVersionId = rotation.VersionId, ConsumerFunctionName = consumer, ConsumerQualifier = "LIVE",
            ExcludedChecks = new System.Collections.Generic.HashSet<string> { SecretCheckNames.RotationEnabled, SecretCheckNames.RotationFunctionConfigured },
        });

        Assert.Equal(new[] { SecretCheckNames.ConsumerInvocation, SecretCheckNames.ConsumerErrorRate }, validation.FailedChecks);
        Assert.Contains("AccessDenied to downstream", validation.Checks.Single(c => c.Name == SecretCheckNames.ConsumerInvocation).Detail);
        Assert.Contains("100.00%", validation.Checks.Single(c => c.Name == SecretCheckNames.ConsumerErrorRate).Detail);
        await scenario.AssertNoSecretLeakedAsync(new object[] { validation, rotation });
    }

    private static string[] StatementIds(string policy)
    {
        using var document = JsonDocument.Parse(policy);
        return document.RootElement.GetProperty("Statement").EnumerateArray().Select(s => s.GetProperty("Sid").GetString()!).ToArray();
    }
}
