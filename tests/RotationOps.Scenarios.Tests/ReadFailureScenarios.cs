using System;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.Security;
using RotationOps.Sandbox.Faults;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Scenarios.Tests.Infrastructure;

namespace RotationOps.Scenarios.Tests;

/// <summary>
/// Reads that fail for good mid-rotation (every retry spent), found by the soak benchmark: the run
/// says what it left staged and how to go on, and the same command run again picks the rotation up.
/// </summary>
public sealed class ReadFailureScenarios
{
    private const string DbJson = "{\"username\":\"orders_app\",\"password\":\"Initial-Pa55word-0901\"}";

    [SandboxFact]
    public async Task A_staged_value_that_cannot_be_read_back_is_reported_with_how_to_resume_and_the_rerun_resumes_it()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        string original = (await scenario.StagesAsync(arn)).Current!;
        string rule = sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "GetSecretValue", Kind = FaultKind.DropConnection });
        var request = new SecretRotationRequest
        {
            SecretId = arn,
            NewValue = NewSecretValue.Literal(SensitiveValue.FromString("{\"username\":\"orders_app\",\"password\":\"Rotated-Pa55word-0902\"}")),
        };

        var failed = await scenario.Runner().RotateAsync(request);

        Assert.Equal(RotationStatus.Failed, failed.Status);
        Assert.Contains($"Version {failed.VersionId} is staged AWSPENDING, but reading it back failed", failed.Message);
        Assert.Contains("Re-run the same command to resume this rotation", failed.Message);
        var stages = await scenario.StagesAsync(arn);
        Assert.Equal((original, failed.VersionId), (stages.Current, stages.Pending));
        sandbox.Faults.Remove(rule);
        scenario.ResetHost();

        var resumed = await scenario.Runner().RotateAsync(request);

        Assert.Equal(RotationStatus.Completed, resumed.Status);
        Assert.Equal((failed.DeploymentId, failed.VersionId), (resumed.DeploymentId, resumed.VersionId));
        Assert.Equal(resumed.VersionId, (await scenario.StagesAsync(arn)).Current);
        Assert.Equal(2, (await scenario.AllVersionsAsync(arn)).Count);
        await scenario.AssertNoSecretLeakedAsync(new object[] { failed, resumed });
    }

    [SandboxFact]
    public async Task A_service_rotation_whose_secret_cannot_be_read_while_waiting_says_it_goes_on_and_the_rerun_waits_for_it()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = sandbox.RotationFunctions.Register("orders-db-rotation",
            new RotationFunctionBehavior { Strategy = RotationStrategy.RotateJsonKey("password"), StepLatency = TimeSpan.FromSeconds(3) });
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        // The first DescribeSecret (before RotateSecret) is answered; every one while waiting is cut.
        string rule = sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "DescribeSecret", Kind = FaultKind.DropConnection, Skip = 1 });
        var request = new SecretRotationRequest { SecretId = arn, RotationLambdaArn = function };

        var lost = await Assert.ThrowsAsync<RunbookException>(() => scenario.Runner().RotateAsync(request));

        Assert.Equal("RotationWatchLost", lost.ErrorId);
        Assert.Contains("Re-run the same command to wait for it again", lost.Message);
        sandbox.Faults.Remove(rule);
        scenario.ResetHost();

        var resumed = await scenario.Runner().RotateAsync(request);

        Assert.Equal(RotationStatus.Completed, resumed.Status);
        Assert.Contains(scenario.Host.Warnings, w => w.StartsWith($"Resuming rotation {resumed.DeploymentId}", StringComparison.Ordinal));
        var stages = await scenario.StagesAsync(arn);
        Assert.Equal((resumed.VersionId, null), (stages.Current, stages.Pending));
        Assert.Equal(2, (await scenario.AllVersionsAsync(arn)).Count);
    }

    [SandboxFact]
    public async Task A_failed_rotation_function_is_reported_even_when_how_far_it_got_cannot_be_read()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = sandbox.RotationFunctions.Register("orders-db-rotation",
            new RotationFunctionBehavior { Strategy = RotationStrategy.RotateJsonKey("password"), FailAtStep = RotationStep.SetSecret });
        string arn = await scenario.CreateSecretAsync("prod/orders/db", DbJson);
        string original = (await scenario.StagesAsync(arn)).Current!;
        sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "GetSecretValue", Kind = FaultKind.DropConnection });

        var rotation = await scenario.Runner().RotateAsync(new SecretRotationRequest { SecretId = arn, RotationLambdaArn = function });

        Assert.Equal(RotationStatus.Failed, rotation.Status);
        Assert.Contains("whether the function stored the new value could not be read (ConnectionError)", rotation.Message);
        Assert.Contains("-Force", rotation.Message);
        Assert.Equal(original, (await scenario.StagesAsync(arn)).Current);
    }
}
