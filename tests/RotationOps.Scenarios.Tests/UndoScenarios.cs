using System;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Canary;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.Security;
using RotationOps.Scenarios.Tests.Infrastructure;

namespace RotationOps.Scenarios.Tests;

/// <summary>Undo-Deployment for secrets: AWSCURRENT back, guarded, and never losing a version.</summary>
public sealed class UndoScenarios
{
    private const string DbJson = "{\"username\":\"app\",\"password\":\"Before-Pa55word-7001\"}";

    [Fact]
    public async Task Undoing_a_rotation_moves_AWSCURRENT_back_and_warns_that_the_database_is_not_rolled_back()
    {
        await using var scenario = await Scenario.StartAsync();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        var rotation = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn, NewValue = NewSecretValue.Literal(SensitiveValue.FromString("After-Pa55word-7002"), jsonKey: "password"),
        });

        var undone = await scenario.Undo().UndoAsync(new UndoRequest { Rotation = rotation });

        Assert.Equal(RollbackStatus.Completed, undone.Status);
        var stages = await scenario.StagesAsync(arn);
        Assert.Equal(rotation.PreviousVersionId, stages.Current);
        Assert.Equal(rotation.VersionId, stages.Previous);
        SecretAssert.Same(DbJson, await scenario.ReadAsync(arn));
        Assert.Contains(scenario.Host.Warnings, w => w.Contains("label only"));

        var byJournal = await scenario.Undo().UndoAsync(new UndoRequest { DeploymentId = rotation.DeploymentId });
        Assert.Equal(RollbackStatus.NotRun, byJournal.Status);
    }

    [Fact]
    public async Task Undoing_a_journaled_rotation_refuses_a_function_version_instead_of_ignoring_it()
    {
        await using var scenario = await Scenario.StartAsync();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        var rotation = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn, NewValue = NewSecretValue.Literal(SensitiveValue.FromString("After-Pa55word-7010"), jsonKey: "password"),
        });

        var refused = await Assert.ThrowsAsync<RunbookException>(() => scenario.Undo().UndoAsync(new UndoRequest { DeploymentId = rotation.DeploymentId, ToVersion = "1" }));

        Assert.Equal("InvalidParameter", refused.ErrorId);
        Assert.Equal("ToVersion", refused.ParameterName);
        Assert.Contains("-ToVersionId", refused.Message);
        Assert.Equal(rotation.VersionId, (await scenario.StagesAsync(arn)).Current);
    }

    [SandboxFact]
    public async Task Undoing_a_journaled_canary_refuses_a_secret_version_instead_of_ignoring_it()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.5 });

        var refused = await Assert.ThrowsAsync<RunbookException>(() => scenario.Undo().UndoAsync(new UndoRequest
        {
            DeploymentId = canary.DeploymentId, ToVersionId = "3f1c0a9e-7d2b-4c55-9a1e-0b6f2d8e4c71",
        }));

        Assert.Equal("ToVersionId", refused.ParameterName);
        Assert.Contains("goes back to with -ToVersion,", refused.Message);
        Assert.Equal(0.5, sandbox.Lambda.Find(function)!.Aliases.Single().AdditionalVersionWeights.Values.Single());
    }

    [Fact]
    public async Task Undo_refuses_when_the_secret_changed_since_the_rotation_unless_forced()
    {
        await using var scenario = await Scenario.StartAsync();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        var first = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn, NewValue = NewSecretValue.Literal(SensitiveValue.FromString("First-Pa55word-7003"), jsonKey: "password"),
        });
        var second = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn, NewValue = NewSecretValue.Literal(SensitiveValue.FromString("Second-Pa55word-7004"), jsonKey: "password"),
        });

        var refused = await Assert.ThrowsAsync<RunbookException>(() => scenario.Undo().UndoAsync(new UndoRequest { Rotation = first }));
        Assert.Equal("CurrentVersionChanged", refused.ErrorId);
        Assert.Equal(second.VersionId, (await scenario.StagesAsync(arn)).Current);

        var forced = await scenario.Undo().UndoAsync(new UndoRequest { Rotation = first, Force = true });
        Assert.Equal(RollbackStatus.Completed, forced.Status);
        Assert.Equal(first.PreviousVersionId, (await scenario.StagesAsync(arn)).Current);
        Assert.Equal(3, (await scenario.AllVersionsAsync(arn)).Count);
    }

    [Fact]
    public async Task WhatIf_undo_changes_nothing()
    {
        await using var scenario = await Scenario.StartAsync();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        var rotation = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn, NewValue = NewSecretValue.Literal(SensitiveValue.FromString("After-Pa55word-7005"), jsonKey: "password"),
        });
        scenario.ResetHost();
        scenario.Host.Approve = false;

        var undone = await scenario.Undo().UndoAsync(new UndoRequest { SecretId = arn });

        Assert.Equal(RollbackStatus.NotRun, undone.Status);
        Assert.Single(scenario.Host.Prompts, p => p.Contains("Move AWSCURRENT"));
        Assert.Equal(rotation.VersionId, (await scenario.StagesAsync(arn)).Current);
    }
}
