using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Sandbox.CloudWatch.Alarms;
using RotationOps.Sandbox.CloudWatch.Metrics;
using RotationOps.Sandbox.Lambda;
using RotationOps.Sandbox.Tests.Lambda;

namespace RotationOps.Sandbox.Tests.CloudWatch;

/// <summary>The Lambda twin's AWS/Lambda metrics land in the CloudWatch twin: queries and alarms see simulated traffic.</summary>
public sealed class LambdaMetricsTests
{
    [Fact]
    public async Task A_canary_alarm_on_the_ExecutedVersion_series_fires_from_simulated_traffic_while_stable_stays_OK()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var lambda = new LambdaHttp(sandbox);
        var (stable, canary) = await InvocationTests.TwoVersionsAsync(sandbox, lambda, "orders-api");
        await lambda.CreateAliasAsync("orders-api", "live", stable, new Dictionary<string, double> { [canary] = 0.2 });
        sandbox.LambdaBehaviors.Set("orders-api", canary, new LambdaBehavior { ErrorRate = 0.5 });
        var http = new CloudWatchHttp(sandbox);
        foreach (var version in new[] { stable, canary })
        {
            await http.QueryAsync("PutMetricAlarm", ("AlarmName", $"errors-v{version}"), ("Namespace", "AWS/Lambda"), ("MetricName", "Errors"),
                ("Dimensions.member.1.Name", "FunctionName"), ("Dimensions.member.1.Value", "orders-api"),
                ("Dimensions.member.2.Name", "Resource"), ("Dimensions.member.2.Value", "orders-api:live"),
                ("Dimensions.member.3.Name", "ExecutedVersion"), ("Dimensions.member.3.Value", version),
                ("Statistic", "Sum"), ("Period", "60"), ("EvaluationPeriods", "2"), ("Threshold", "3"), ("ComparisonOperator", "GreaterThanThreshold"),
                ("TreatMissingData", "notBreaching"));
        }

        var started = sandbox.Clock.GetUtcNow();
        sandbox.Traffic.Drive("orders-api", "live", 60);
        sandbox.Clock.Advance(TimeSpan.FromMinutes(4));

        Assert.Equal(AlarmStates.Alarm, sandbox.CloudWatch.FindAlarm($"errors-v{canary}")!.StateValue);
        Assert.Equal(AlarmStates.Ok, sandbox.CloudWatch.FindAlarm($"errors-v{stable}")!.StateValue);
        var invocations = sandbox.CloudWatch.Metrics.GetStatistics(
            new MetricIdentity("AWS/Lambda", "Invocations", new Dictionary<string, string> { ["FunctionName"] = "orders-api" }),
            started, started.AddMinutes(4), TimeSpan.FromMinutes(1));
        Assert.All(invocations, minute => Assert.Equal(60, minute.Sum));
        Assert.True(invocations.Count >= 3, $"{invocations.Count} minutes of traffic were visible");
    }
}
