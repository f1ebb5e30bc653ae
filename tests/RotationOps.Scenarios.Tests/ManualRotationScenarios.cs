using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Security;
using RotationOps.Scenarios.Tests.Infrastructure;
using RotationOps.Tests.Shared;

namespace RotationOps.Scenarios.Tests;

/// <summary>
/// Seed 000 "manual secret rotation with validation" and seed 002's manual API-key rotation:
/// a value is staged AWSPENDING, tested, then promoted, with AWSPREVIOUS kept for rollback.
/// These run against any AWS-compatible endpoint.
/// </summary>
public sealed class ManualRotationScenarios
{
    private const string DbJson = "{\"username\":\"orders_app\",\"password\":\"Initial-Pa55word-0001\",\"host\":\"db.internal\"}";

    [Fact]
    public async Task Rotating_one_json_key_keeps_the_other_keys_and_keeps_the_old_version_as_previous()
    {
        await using var scenario = await Scenario.StartAsync();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        string original = (await scenario.StagesAsync(arn)).Current!;

        var tested = new List<string>();
        var rotation = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn,
            NewValue = NewSecretValue.Literal(SensitiveValue.FromString("Rotated-Pa55word-0002"), jsonKey: "password"),
            Tester = new DelegateTester(input => { tested.Add($"{input.Stage}:{input.VersionId}"); return true; }),
        });

        Assert.Equal(RotationStatus.Completed, rotation.Status);
        Assert.Equal(original, rotation.PreviousVersionId);
        var stages = await scenario.StagesAsync(arn);
        Assert.Equal(rotation.VersionId, stages.Current);
        Assert.Equal(original, stages.Previous);
        Assert.Null(stages.Pending);
        Assert.Equal(new[] { $"AWSPENDING:{rotation.VersionId}" }, tested);

        string current = await scenario.ReadAsync(arn);
        SecretAssert.Contains("\"username\":\"orders_app\"", current);
        SecretAssert.Contains("\"host\":\"db.internal\"", current);
        SecretAssert.Contains("Rotated-Pa55word-0002", current);
        SecretAssert.Same(DbJson, await scenario.ReadAsync(arn, SecretStages.Previous));
        await scenario.AssertNoSecretLeakedAsync(new object[] { rotation });
    }

    [Fact]
    public async Task A_rejected_test_leaves_the_current_value_untouched_and_keeps_the_rejected_version()
    {
        await using var scenario = await Scenario.StartAsync();
        string arn = await scenario.CreateSecretAsync("prod/api/sendgrid", "{\"api_key\":\"SG.initial-key-abcdef\"}");
        string original = (await scenario.StagesAsync(arn)).Current!;

        var rotation = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn,
            NewValue = NewSecretValue.JsonKeys(new Dictionary<string, SensitiveValue> { ["api_key"] = SensitiveValue.FromString("SG.rejected-key-123456") }),
            Tester = new DelegateTester(_ => false),
        });

        Assert.Equal(RotationStatus.Failed, rotation.Status);
        Assert.Contains("rejected", rotation.Message);
        var stages = await scenario.StagesAsync(arn);
        Assert.Equal(original, stages.Current);
        Assert.Null(stages.Pending);
        SecretAssert.Same("{\"api_key\":\"SG.initial-key-abcdef\"}", await scenario.ReadAsync(arn));
        // Nothing is ever lost: the rejected version is still there, unlabelled.
        Assert.Contains(await scenario.AllVersionsAsync(arn), v => v.VersionId == rotation.VersionId && v.VersionStages.Count == 0);
        Assert.Contains(scenario.Journal.ReadDeployment(rotation.DeploymentId), e => e.Phase == JournalPhase.Aborted);
        await scenario.AssertNoSecretLeakedAsync(new object[] { rotation });
    }

    [Fact]
    public async Task Generated_password_replaces_the_key_and_differs_from_the_old_one()
    {
        await using var scenario = await Scenario.StartAsync();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);

        var rotation = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn,
            NewValue = NewSecretValue.Generated(new RandomPasswordRequest { PasswordLength = 40, ExcludePunctuation = true }, jsonKey: "password"),
        });

        Assert.Equal(RotationStatus.Completed, rotation.Status);
        var validation = await scenario.Validator().ValidateAsync(new Engine.Validation.SecretValidationRequest
        {
            SecretId = arn,
            ExpectedVersionId = rotation.VersionId,
            ExpectedPreviousVersionId = rotation.PreviousVersionId,
            RequiredKeys = new[] { "username", "password", "host" },
        });
        Assert.Equal(CheckResult.Passed, validation.Checks.Single(c => c.Name == "ValueChanged").Result);
        Assert.Equal(CheckResult.Passed, validation.Checks.Single(c => c.Name == "RequiredKeys").Result);
        Assert.Equal(CheckResult.Passed, validation.Checks.Single(c => c.Name == "CurrentReadable").Result);
        string current = await scenario.ReadAsync(arn);
        SecretAssert.DoesNotContain("Initial-Pa55word-0001", current);
        await scenario.AssertNoSecretLeakedAsync(new object[] { rotation, validation });
    }

    [Fact]
    public async Task WhatIf_lists_every_planned_change_and_changes_nothing()
    {
        await using var scenario = await Scenario.StartAsync();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        var before = await scenario.AllVersionsAsync(arn);
        scenario.Host.Approve = false;

        var rotation = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn,
            NewValue = NewSecretValue.Literal(SensitiveValue.FromString("WhatIf-Pa55word-0003"), jsonKey: "password"),
        });

        Assert.Equal(RotationStatus.NotRun, rotation.Status);
        Assert.Equal(2, scenario.Host.Prompts.Count);
        Assert.Contains(scenario.Host.Prompts, p => p.Contains("AWSPENDING"));
        Assert.Contains(scenario.Host.Prompts, p => p.Contains("Move AWSCURRENT"));
        var after = await scenario.AllVersionsAsync(arn);
        Assert.Equal(before.Select(v => v.VersionId), after.Select(v => v.VersionId));
        SecretAssert.Same(DbJson, await scenario.ReadAsync(arn));
    }

    [Fact]
    public async Task Pending_stages_the_value_and_complete_promotes_it()
    {
        await using var scenario = await Scenario.StartAsync();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        string original = (await scenario.StagesAsync(arn)).Current!;

        var pending = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn,
            NewValue = NewSecretValue.Literal(SensitiveValue.FromString("Canary-Pa55word-0004"), jsonKey: "password"),
            Pending = true,
        });
        Assert.Equal(RotationStatus.Pending, pending.Status);
        var staged = await scenario.StagesAsync(arn);
        Assert.Equal(original, staged.Current);
        Assert.Equal(pending.VersionId, staged.Pending);
        SecretAssert.Same(DbJson, await scenario.ReadAsync(arn));
        SecretAssert.Contains("Canary-Pa55word-0004", await scenario.ReadAsync(arn, SecretStages.Pending));

        var completed = await scenario.Runner().CompleteAsync(arn, pending.VersionId!, pending.PreviousVersionId, pending.DeploymentId, force: false, tester: null);

        Assert.Equal(RotationStatus.Completed, completed.Status);
        var stages = await scenario.StagesAsync(arn);
        Assert.Equal(pending.VersionId, stages.Current);
        Assert.Equal(original, stages.Previous);
        Assert.Null(stages.Pending);
        Assert.Equal(pending.DeploymentId, completed.DeploymentId);
    }

    [Fact]
    public async Task Complete_refuses_when_someone_moved_AWSCURRENT_after_staging_unless_forced()
    {
        await using var scenario = await Scenario.StartAsync();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        var pending = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn,
            NewValue = NewSecretValue.Literal(SensitiveValue.FromString("Staged-Pa55word-0005"), jsonKey: "password"),
            Pending = true,
        });
        // Another operator updates the secret directly meanwhile (AWSCURRENT moves).
        using (var other = SensitiveValue.FromString("{\"username\":\"orders_app\",\"password\":\"Other-Operator-0006\"}"))
            await scenario.Client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = arn, ClientRequestToken = Guid.NewGuid().ToString(), Value = other }, CancellationToken.None);
        string moved = (await scenario.StagesAsync(arn)).Current!;

        var refused = await Assert.ThrowsAsync<RunbookException>(() =>
            scenario.Runner().CompleteAsync(arn, pending.VersionId!, pending.PreviousVersionId, pending.DeploymentId, force: false, tester: null));
        Assert.Equal("CurrentVersionChanged", refused.ErrorId);
        Assert.Equal(moved, (await scenario.StagesAsync(arn)).Current);

        var forced = await scenario.Runner().CompleteAsync(arn, pending.VersionId!, pending.PreviousVersionId, pending.DeploymentId, force: true, tester: null);
        Assert.Equal(RotationStatus.Completed, forced.Status);
        var stages = await scenario.StagesAsync(arn);
        Assert.Equal(pending.VersionId, stages.Current);
        Assert.Equal(moved, stages.Previous);
    }

    [Fact]
    public async Task Complete_refuses_a_pending_version_this_module_did_not_stage_unless_forced()
    {
        await using var scenario = await Scenario.StartAsync();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        string original = (await scenario.StagesAsync(arn)).Current!;
        // Staged by someone else (another tool, or a rotation function's createSecret).
        string foreign = Guid.NewGuid().ToString();
        using (var other = SensitiveValue.FromString("{\"username\":\"orders_app\",\"password\":\"Foreign-Pa55word-0011\"}"))
            await scenario.Client.PutSecretValueAsync(new PutSecretValueRequest
            {
                SecretId = arn, ClientRequestToken = foreign, Value = other, VersionStages = new List<string> { SecretStages.Pending },
            }, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<RunbookException>(() =>
            scenario.Runner().CompleteAsync(arn, foreign, original, deploymentId: null, force: false, tester: null));
        Assert.Equal("VersionNotStaged", refused.ErrorId);
        Assert.Contains("did not stage it", refused.Message);
        Assert.Equal(original, (await scenario.StagesAsync(arn)).Current);

        var forced = await scenario.Runner().CompleteAsync(arn, foreign, original, deploymentId: null, force: true, tester: null);
        Assert.Equal(RotationStatus.Completed, forced.Status);
        Assert.Equal(foreign, (await scenario.StagesAsync(arn)).Current);
    }

    [Fact]
    public async Task An_unfinished_rotation_is_refused_and_Force_clears_it_without_deleting_anything()
    {
        await using var scenario = await Scenario.StartAsync();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        var stale = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn,
            NewValue = NewSecretValue.Literal(SensitiveValue.FromString("Stale-Pa55word-0007"), jsonKey: "password"),
            Pending = true,
        });

        var refused = await Assert.ThrowsAsync<RunbookException>(() => scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn,
            NewValue = NewSecretValue.Literal(SensitiveValue.FromString("Next-Pa55word-0008"), jsonKey: "password"),
        }));
        Assert.Equal("RotationInProgress", refused.ErrorId);
        Assert.Equal("Force", refused.ParameterName);
        Assert.Contains(stale.VersionId!, refused.Message);
        // -Pending staged it, so completing it is safe advice here (and only here).
        Assert.Contains($"-VersionId {stale.VersionId} -Complete", refused.Message);

        var forced = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn,
            NewValue = NewSecretValue.Literal(SensitiveValue.FromString("Next-Pa55word-0008"), jsonKey: "password"),
            Force = true,
        });
        Assert.Equal(RotationStatus.Completed, forced.Status);
        var versions = await scenario.AllVersionsAsync(arn);
        Assert.Contains(versions, v => v.VersionId == stale.VersionId);
        Assert.Null((await scenario.StagesAsync(arn)).Pending);
    }

    [Fact]
    public async Task A_rerun_after_Ctrl_C_resumes_the_same_version_instead_of_making_a_second_one()
    {
        await using var scenario = await Scenario.StartAsync();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        int versionsBefore = (await scenario.AllVersionsAsync(arn)).Count;

        // Ctrl+C while the test script runs: the value is staged, nothing is promoted.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn,
            NewValue = NewSecretValue.Generated(new RandomPasswordRequest(), jsonKey: "password"),
            Tester = new DelegateTester(_ => { scenario.PressCtrlC(); throw new OperationCanceledException(); }),
        }));
        var interrupted = await scenario.StagesAsync(arn);
        Assert.NotNull(interrupted.UnfinishedPending);
        SecretAssert.Same(DbJson, await scenario.ReadAsync(arn));

        scenario.ResetHost();
        var resumed = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn,
            NewValue = NewSecretValue.Generated(new RandomPasswordRequest(), jsonKey: "password"),
        });

        Assert.Equal(RotationStatus.Completed, resumed.Status);
        Assert.Equal(interrupted.UnfinishedPending, resumed.VersionId);
        Assert.Equal(versionsBefore + 1, (await scenario.AllVersionsAsync(arn)).Count);
        Assert.Contains(scenario.Host.Warnings, w => w.Contains("Resuming"));
        Assert.Contains(scenario.Journal.ReadDeployment(resumed.DeploymentId), e => e.Phase == JournalPhase.Aborted && e.Details["Status"] == "Interrupted");
    }

    [Fact]
    public async Task Bad_input_is_refused_before_any_change_naming_the_parameter()
    {
        await using var scenario = await Scenario.StartAsync();
        string arn = await scenario.CreateSecretAsync("prod/plain", "not-json-Pa55word-0009");
        var before = await scenario.AllVersionsAsync(arn);

        var error = await Assert.ThrowsAsync<RunbookException>(() => scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn,
            NewValue = NewSecretValue.Literal(SensitiveValue.FromString("New-Pa55word-0010"), jsonKey: "password"),
        }));
        Assert.Equal("JsonKey", error.ParameterName);
        Assert.Equal(RunbookErrorCategory.InvalidArgument, error.Category);
        Assert.Equal(before.Count, (await scenario.AllVersionsAsync(arn)).Count);
        Assert.Empty(scenario.Host.Prompts);
        await scenario.AssertNoSecretLeakedAsync(Array.Empty<object>(), new[] { error });

        var missing = await Assert.ThrowsAsync<RunbookException>(() => scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = "prod/does-not-exist-" + Guid.NewGuid().ToString("N"),
            NewValue = NewSecretValue.Generated(new RandomPasswordRequest()),
        }));
        Assert.Equal("SecretNotFound", missing.ErrorId);
        Assert.Equal(RunbookErrorCategory.ObjectNotFound, missing.Category);
    }
}
