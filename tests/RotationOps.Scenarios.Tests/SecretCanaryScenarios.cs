using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Canary;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.SecretsManager;
using RotationOps.Sandbox.Lambda;
using RotationOps.Scenarios.Tests.Infrastructure;

namespace RotationOps.Scenarios.Tests;

/// <summary>
/// The secret-rotation canary: a new secret value staged AWSPENDING, a canary function version
/// that uses it, and either both promoted (AWSCURRENT moves, alias moves) or both undone
/// (alias back, AWSPENDING discarded, the old secret current and untouched).
/// </summary>
public sealed class SecretCanaryScenarios
{
    private const string DbJson = "{\"username\":\"orders_app\",\"password\":\"Initial-Pa55word-5001\"}";

    [SandboxFact]
    public async Task When_the_canary_works_with_the_staged_secret_both_are_promoted()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        var (secret, function) = await ArrangeAsync(scenario, sandbox);
        var pending = await StageAsync(scenario, secret);
        // The operator's database accepts both credentials (alternating users).
        string staged = await scenario.ReadAsync(secret, SecretStages.Pending);
        sandbox.Downstream.Set(secret, DbJson, staged);

        var canary = await PublishAsync(scenario, function, pending);
        var result = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = canary.DeploymentId, Steps = new[] { 0.5, 1.0 }, BakeTime = TimeSpan.FromMinutes(10), MaxErrorRate = 0.01, MinInvocations = 50,
        });

        Assert.Equal(DeploymentStatus.Promoted, result.Status);
        var stages = await scenario.StagesAsync(secret);
        Assert.Equal(pending.VersionId, stages.Current);
        Assert.Equal(pending.PreviousVersionId, stages.Previous);
        Assert.Null(stages.Pending);
        Assert.Equal(canary.CanaryVersion, sandbox.Lambda.Find(function)!.Aliases.Single().FunctionVersion);
        var live = await scenario.Lambda.GetFunctionConfigurationAsync(function, "LIVE", CancellationToken.None);
        Assert.Equal(pending.VersionId, live.Environment["ROTATIONOPS_SECRET_VERSION_ID"]);
        await scenario.AssertNoSecretLeakedAsync(new object[] { pending, canary, result });
    }

    [SandboxFact]
    public async Task When_the_canary_fails_with_the_staged_secret_both_are_undone_and_the_old_secret_stays()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        var (secret, function) = await ArrangeAsync(scenario, sandbox);
        var pending = await StageAsync(scenario, secret);
        // The database was never told about the new password: the canary cannot log in.

        var canary = await PublishAsync(scenario, function, pending);
        var result = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = canary.DeploymentId, Steps = new[] { 0.5, 1.0 }, BakeTime = TimeSpan.FromMinutes(10), MaxErrorRate = 0.01, MinInvocations = 50,
        });

        Assert.Equal(DeploymentStatus.RolledBack, result.Status);
        Assert.Contains(result.Steps.Last().Gates, g => g.Gate == "ErrorRate" && g.Result == CheckResult.Failed);
        var stages = await scenario.StagesAsync(secret);
        Assert.Equal(pending.PreviousVersionId, stages.Current);
        Assert.Null(stages.Pending);
        SecretAssert.Same(DbJson, await scenario.ReadAsync(secret));
        Assert.Contains(await scenario.AllVersionsAsync(secret), v => v.VersionId == pending.VersionId && v.VersionStages.Count == 0);
        var alias = sandbox.Lambda.Find(function)!.Aliases.Single();
        Assert.Equal("1", alias.FunctionVersion);
        Assert.Empty(alias.AdditionalVersionWeights);
        Assert.True(sandbox.Downstream.Accepts(secret, DbJson));
        await scenario.AssertNoSecretLeakedAsync(new object[] { pending, canary, result });
    }

    [SandboxFact]
    public async Task A_staged_rotation_is_validated_by_its_own_version_and_pipes_that_version_on()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        var (secret, function) = await ArrangeAsync(scenario, sandbox);
        var pending = await StageAsync(scenario, secret);

        var validation = await scenario.Validator().ValidateAsync(new Engine.Validation.SecretValidationRequest
        {
            SecretId = pending.SecretId, ExpectedVersionId = pending.VersionId, Staged = true, RequiredKeys = new[] { "username", "password" },
            ExcludedChecks = new System.Collections.Generic.HashSet<string> { "RotationEnabled", "RotationFunctionConfigured" },
        });

        Assert.True(validation.Passed, string.Join("; ", validation.Checks));
        Assert.Equal(CheckResult.Passed, validation.Checks.Single(c => c.Name == "StagedReady").Result);
        Assert.Equal(CheckResult.Passed, validation.Checks.Single(c => c.Name == "ValueChanged").Result);
        Assert.Equal(pending.VersionId, validation.VersionId);
        Assert.Equal(pending.PreviousVersionId, validation.PreviousVersionId);

        // What Publish-LambdaCanary binds from the validation: the staged version, not AWSCURRENT.
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest
        {
            FunctionName = function, AliasName = "LIVE", Weight = 0.1,
            SecretId = validation.SecretId, SecretVersionId = validation.VersionId, PreviousSecretVersionId = validation.PreviousVersionId,
        });
        var configuration = await scenario.Lambda.GetFunctionConfigurationAsync(function, canary.CanaryVersion, CancellationToken.None);
        Assert.Equal(pending.VersionId, configuration.Environment["ROTATIONOPS_SECRET_VERSION_ID"]);
    }

    [SandboxFact]
    public async Task Undoing_a_secret_canary_discards_the_staged_version_too()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        var (secret, function) = await ArrangeAsync(scenario, sandbox);
        var pending = await StageAsync(scenario, secret);
        var canary = await PublishAsync(scenario, function, pending);

        var undone = await scenario.Undo().UndoAsync(new UndoRequest { DeploymentId = canary.DeploymentId });

        Assert.Equal(RollbackStatus.Completed, undone.Status);
        Assert.Null((await scenario.StagesAsync(secret)).Pending);
        Assert.Equal(pending.PreviousVersionId, (await scenario.StagesAsync(secret)).Current);
        Assert.Equal("1", sandbox.Lambda.Find(function)!.Aliases.Single().FunctionVersion);
    }

    private static async Task<(string Secret, string Function)> ArrangeAsync(Scenario scenario, Sandbox.SandboxServer sandbox)
    {
        string secret = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        sandbox.Downstream.Set(secret, DbJson);
        string function = await scenario.CreateLiveFunctionAsync("orders-api", "python3.11");
        sandbox.LambdaBehaviors.Set(function, "1", new LambdaBehavior { SecretDependency = new SecretDependency(secret, SecretStages.Current) });
        // Versions published from now on read the staged value, as the canary does through ROTATIONOPS_SECRET_VERSION_ID.
        sandbox.LambdaBehaviors.Set(function, new LambdaBehavior { SecretDependency = new SecretDependency(secret, SecretStages.Pending) });
        sandbox.Traffic.Drive(function, "LIVE", 300);
        return (secret, function);
    }

    private static async Task<SecretRotation> StageAsync(Scenario scenario, string secret)
    {
        var pending = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = secret,
            NewValue = NewSecretValue.Generated(new RandomPasswordRequest { PasswordLength = 40 }, jsonKey: "password"),
            Pending = true,
        });
        Assert.Equal(RotationStatus.Pending, pending.Status);
        return pending;
    }

    private static async Task<LambdaDeployment> PublishAsync(Scenario scenario, string function, SecretRotation pending)
    {
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest
        {
            FunctionName = function, AliasName = "LIVE", Weight = 0.1,
            SecretId = pending.SecretId, SecretVersionId = pending.VersionId, PreviousSecretVersionId = pending.PreviousVersionId,
        });
        Assert.Equal(DeploymentStatus.Canary, canary.Status);
        return canary;
    }
}
