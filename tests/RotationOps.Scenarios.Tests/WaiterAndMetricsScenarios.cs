using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Canary;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Lambda;
using RotationOps.Engine.Outcomes;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.Security;
using RotationOps.Engine.Validation;
using RotationOps.Sandbox.CloudWatch.Metrics;
using RotationOps.Sandbox.Faults;
using RotationOps.Scenarios.Tests.Infrastructure;

namespace RotationOps.Scenarios.Tests;

/// <summary>
/// The Lambda waiters, CloudWatch results that are not Complete, and -MetricNamespace's outcome
/// metrics, end to end on the Sandbox with the virtual clock.
/// </summary>
public sealed class WaiterAndMetricsScenarios
{
    private static readonly TimeSpan Bake = TimeSpan.FromMinutes(10);

    [SandboxFact]
    public async Task A_canary_of_an_Inactive_version_restores_it_before_routing_traffic_to_it()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        await scenario.Lambda.UpdateFunctionConfigurationAsync(new UpdateFunctionConfigurationRequest { FunctionName = function, Description = "v2" }, CancellationToken.None);
        await new LambdaWaiterForTests(scenario.Lambda, scenario.Time).UntilReadyAsync(function);
        var v2 = await scenario.Lambda.PublishVersionAsync(new PublishVersionRequest { FunctionName = function }, CancellationToken.None);
        await scenario.Time.Delay(TimeSpan.FromSeconds(5));
        sandbox.LambdaBehaviors.Idle(function, v2.Version);

        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Version = v2.Version, Weight = 0.1 });

        Assert.Equal(DeploymentStatus.Canary, canary.Status);
        var version = sandbox.Lambda.Find(function)!.Versions.Single(v => v.Version == v2.Version);
        Assert.Equal("Active", version.State);
        Assert.Equal(0.1, sandbox.Lambda.Find(function)!.Aliases.Single().AdditionalVersionWeights[v2.Version]);
        Assert.Contains(scenario.Host.Warnings, w => w.Contains($"Version {v2.Version} of {function} is Inactive", StringComparison.Ordinal));
    }

    [SandboxFact]
    public async Task Forbidden_metrics_give_no_verdict_during_the_bake_and_no_promotion_at_its_end()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        sandbox.Traffic.Drive(function, "LIVE", 600);
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.2 });
        sandbox.CloudWatch.Metrics.ReadFailure = new MetricDataFailure("Forbidden", "User is not authorized to perform cloudwatch:GetMetricData on Errors.")
        {
            MetricName = "Errors",
        };

        var done = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = canary.DeploymentId, Weight = 0.5, BakeTime = Bake, PollInterval = TimeSpan.FromMinutes(2), MaxErrorRate = 0.05, MinInvocations = 10,
        });

        // The canary serves without a single error, but with its Errors unreadable that proves nothing.
        Assert.Equal(DeploymentStatus.RolledBack, done.Status);
        var gate = done.Steps.Last(s => s.Gates.Count > 0).Gates.Single(g => g.Gate == "ErrorRate");
        Assert.Equal(CheckResult.Failed, gate.Result);
        Assert.Contains("canary Errors: Forbidden (Forbidden: User is not authorized", gate.Evidence, StringComparison.Ordinal);
        Assert.Contains("not promoted on missing evidence", gate.Evidence, StringComparison.Ordinal);
        Assert.Contains(scenario.Host.Progress, p => p.Status.Contains("no verdict, metrics unavailable", StringComparison.Ordinal));
    }

    [SandboxFact]
    public async Task Metrics_that_fail_only_for_a_while_are_judged_once_CloudWatch_answers_again()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        sandbox.Traffic.Drive(function, "LIVE", 600);
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.2 });
        sandbox.CloudWatch.Metrics.ReadFailure = new MetricDataFailure("InternalError", "Internal failure.");
        scenario.Host.ProgressWritten = p =>
        {
            if (p.Status.Contains("no verdict", StringComparison.Ordinal)) sandbox.CloudWatch.Metrics.ReadFailure = null;
        };

        var done = await scenario.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = canary.DeploymentId, Weight = 0.5, BakeTime = Bake, PollInterval = TimeSpan.FromMinutes(2), MaxErrorRate = 0.05, MinInvocations = 10,
        });

        Assert.Equal(DeploymentStatus.Canary, done.Status);
        var gate = done.Steps.Last().Gates.Single(g => g.Gate == "ErrorRate");
        Assert.Equal(CheckResult.Passed, gate.Result);
    }

    [SandboxFact]
    public async Task A_consumer_error_rate_CloudWatch_could_not_read_is_no_verdict_rather_than_a_pass()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", "{\"password\":\"Initial-Pa55word-0001\"}");
        string consumer = await scenario.CreateLiveFunctionAsync("orders-api", "python3.11");
        sandbox.Traffic.Drive(consumer, "LIVE", 120);
        sandbox.Clock.Advance(TimeSpan.FromMinutes(10));
        sandbox.CloudWatch.Metrics.ReadFailure = new MetricDataFailure("InternalError", "Internal failure.") { MetricName = "Errors" };

        var validation = await scenario.Validator().ValidateAsync(new SecretValidationRequest
        {
            SecretId = arn, ConsumerFunctionName = consumer, ConsumerQualifier = "LIVE",
            ExcludedChecks = new HashSet<string> { SecretCheckNames.RotationEnabled, SecretCheckNames.RotationFunctionConfigured },
        });

        var check = validation.Checks.Single(c => c.Name == SecretCheckNames.ConsumerErrorRate);
        Assert.Equal(CheckResult.Skipped, check.Result);
        Assert.Contains("metrics unavailable: Errors: InternalError (InternalError: Internal failure.)", check.Detail, StringComparison.Ordinal);
    }

    [SandboxFact]
    public async Task Outcomes_are_published_under_the_namespace_and_read_back_with_their_dimensions()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        string arn = await scenario.CreateSecretAsync("prod/orders/db", "{\"password\":\"Initial-Pa55word-0001\"}");
        var outcomes = new OutcomeMetrics(scenario.CloudWatch, "RotationOps/Test", scenario.Host);
        var rotation = await scenario.Runner().RotateAsync(new SecretRotationRequest
        {
            SecretId = arn,
            NewValue = NewSecretValue.Literal(SensitiveValue.FromString("Rotated-Pa55word-0002"), jsonKey: "password"),
        });
        await outcomes.RotationAsync(rotation);
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        var canary = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.2 });
        await outcomes.CanaryAsync(await scenario.Shifter().ShiftAsync(new TrafficShiftRequest { DeploymentId = canary.DeploymentId, Promote = true }));
        var second = await scenario.Publisher().PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Description = "second", Weight = 0.2 });
        await outcomes.RollbackAsync(await scenario.Undo().UndoAsync(new UndoRequest { DeploymentId = second.DeploymentId }));
        // Refused before it started, and given by ARN: still a failed rotation of the same name.
        await outcomes.RotationFailedAsync(arn, sandbox.Clock.GetUtcNow());

        var now = sandbox.Clock.GetUtcNow();
        double Sum(string metric, params (string Name, string Value)[] dimensions) => sandbox.CloudWatch.Metrics
            .GetStatistics(new MetricIdentity("RotationOps/Test", metric, dimensions.ToDictionary(d => d.Name, d => d.Value)), now.AddHours(-1), now.AddMinutes(1), TimeSpan.FromHours(1))
            .Sum(s => s.Sum);
        string secretName = rotation.Name;
        Assert.Equal(1, Sum("RotationSucceeded", ("SecretName", secretName)));
        Assert.Equal(1, Sum("RotationFailed", ("SecretName", secretName)));
        Assert.Equal(rotation.Duration!.Value.TotalSeconds, Sum("RotationDuration", ("SecretName", secretName)), 3);
        Assert.Equal(1, Sum("CanaryPromoted", ("FunctionName", function), ("Alias", "LIVE")));
        Assert.Equal(1, Sum("CanaryRolledBack", ("FunctionName", function), ("Alias", "LIVE")));
        Assert.Empty(scenario.Host.Warnings);
    }

    [SandboxFact]
    public async Task A_publish_CloudWatch_refuses_is_a_warning_and_leaves_the_outcome_as_it_is()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        sandbox.Faults.Add(new FaultRule { Service = "monitoring", Operation = "PutMetricData", Kind = FaultKind.ServerError });
        var outcomes = new OutcomeMetrics(scenario.CloudWatch, "RotationOps/Test", scenario.Host);
        var rotation = new SecretRotation("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/orders/db-AbCdEf", "prod/orders/db", RotationMode.Service,
            RotationStatus.Failed, null, null, null, "rot-1", sandbox.Clock.GetUtcNow(), sandbox.Clock.GetUtcNow(), "The rotation function failed at setSecret.", "us-east-1", null);

        await outcomes.RotationAsync(rotation);

        var warning = Assert.Single(scenario.Host.Warnings);
        Assert.Contains("publishing RotationFailed, RotationDuration to CloudWatch namespace RotationOps/Test failed (InternalServiceError", warning, StringComparison.Ordinal);
        Assert.Equal(RotationStatus.Failed, rotation.Status);
        Assert.DoesNotContain(sandbox.CloudWatch.Metrics.Metrics, m => m.Namespace == "RotationOps/Test");
    }

    [Theory]
    [InlineData("AWS/Lambda", "starts with AWS/")]
    [InlineData("", "empty")]
    [InlineData("Rotation|Ops", "characters CloudWatch refuses")]
    public void A_namespace_CloudWatch_would_refuse_is_refused_naming_MetricNamespace(string metricNamespace, string why)
    {
        var error = Assert.Throws<RunbookException>(() => OutcomeMetrics.ValidateNamespace(metricNamespace));

        Assert.Equal("MetricNamespace", error.ParameterName);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_namespace_of_256_characters_is_refused_and_one_of_255_accepted()
    {
        Assert.Throws<RunbookException>(() => OutcomeMetrics.ValidateNamespace(new string('a', 256)));
        OutcomeMetrics.ValidateNamespace("RotationOps/" + new string('a', 243));
    }
}
