using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.CloudWatch;

/// <summary>CloudWatch alarms through Debian's AWS CLI v2: creation, evaluation on the virtual clock, overrides, filters, composite alarms, deletion.</summary>
public sealed class AlarmCliTests
{
    [AwsCliFact]
    public async Task An_alarm_goes_from_INSUFFICIENT_DATA_to_ALARM_holds_a_forced_OK_until_it_evaluates_and_can_be_deleted()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        var aws = new AwsCli(sandbox);
        (await aws.RunAsync("cloudwatch", "put-metric-alarm", "--alarm-name", "orders-api-errors", "--namespace", "AWS/Lambda",
            "--metric-name", "Errors", "--dimensions", "Name=FunctionName,Value=orders-api", "--statistic", "Sum", "--period", "60",
            "--evaluation-periods", "1", "--threshold", "1", "--comparison-operator", "GreaterThanThreshold",
            "--alarm-actions", "arn:aws:sns:us-east-1:123456789012:pager")).Succeeded();

        var created = await DescribeAsync(aws);
        Assert.Equal(("INSUFFICIENT_DATA", "Unchecked: Initial alarm creation"), (created.GetProperty("StateValue").GetString(), created.GetProperty("StateReason").GetString()));
        Assert.Equal("arn:aws:cloudwatch:us-east-1:123456789012:alarm:orders-api-errors", created.GetProperty("AlarmArn").GetString());
        Assert.Equal(["arn:aws:sns:us-east-1:123456789012:pager"], created.GetProperty("AlarmActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(1.0, created.GetProperty("Threshold").GetDouble());

        var minutes = string.Join(',', Enumerable.Range(0, 10).Select(m =>
            $$"""{"MetricName": "Errors", "Dimensions": [{"Name": "FunctionName", "Value": "orders-api"}], "Timestamp": "2026-11-22T10:{{m:00}}:00Z", "Value": 5}"""));
        (await aws.RunAsync("cloudwatch", "put-metric-data", "--namespace", "AWS/Lambda", "--metric-data", $"[{minutes}]")).Succeeded();
        sandbox.Clock.Advance(TimeSpan.FromSeconds(150));

        var raised = await DescribeAsync(aws);
        Assert.Equal("ALARM", raised.GetProperty("StateValue").GetString());
        Assert.Equal("Threshold Crossed: 1 datapoint [5.0 (22/11/26 10:00:00)] was greater than the threshold (1.0).", raised.GetProperty("StateReason").GetString());
        Assert.Equal("2026-11-22T10:01:00+00:00", raised.GetProperty("StateUpdatedTimestamp").GetString());
        Assert.Equal(5.0, JsonDocument.Parse(raised.GetProperty("StateReasonData").GetString()!).RootElement.GetProperty("recentDatapoints")[0].GetDouble());

        (await aws.RunAsync("cloudwatch", "set-alarm-state", "--alarm-name", "orders-api-errors", "--state-value", "OK", "--state-reason", "silenced by test")).Succeeded();
        var forced = await DescribeAsync(aws, "--state-value", "OK");
        Assert.Equal("silenced by test", forced.GetProperty("StateReason").GetString());

        sandbox.Clock.Advance(TimeSpan.FromSeconds(30));
        var evaluated = await DescribeAsync(aws, "--state-value", "ALARM");
        Assert.Equal("Threshold Crossed: 1 datapoint [5.0 (22/11/26 10:02:00)] was greater than the threshold (1.0).", evaluated.GetProperty("StateReason").GetString());

        (await aws.RunAsync("cloudwatch", "delete-alarms", "--alarm-names", "orders-api-errors")).Succeeded();
        var gone = (await aws.RunAsync("cloudwatch", "describe-alarms")).Succeeded().Json;
        Assert.Empty(gone.GetProperty("MetricAlarms").EnumerateArray());
    }

    [AwsCliFact]
    public async Task Unknown_alarms_are_ResourceNotFound()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();

        var result = (await new AwsCli(sandbox).RunAsync("cloudwatch", "set-alarm-state", "--alarm-name", "no-such-alarm",
            "--state-value", "ALARM", "--state-reason", "test")).FailedWith("ResourceNotFound");
        Assert.Contains("no-such-alarm", result.Stderr, StringComparison.Ordinal);
    }

    [AwsCliFact]
    public async Task A_composite_alarm_made_with_the_CLI_is_listed_only_under_its_type_and_follows_its_child()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        var aws = new AwsCli(sandbox);
        (await aws.RunAsync("cloudwatch", "put-metric-alarm", "--alarm-name", "orders-api-errors", "--namespace", "AWS/Lambda",
            "--metric-name", "Errors", "--statistic", "Sum", "--period", "60", "--evaluation-periods", "1", "--threshold", "1",
            "--comparison-operator", "GreaterThanThreshold")).Succeeded();
        (await aws.RunAsync("cloudwatch", "put-composite-alarm", "--alarm-name", "orders-api-health",
            "--alarm-rule", "ALARM(\"orders-api-errors\") AND NOT ALARM(orders-api-errors-deploying)")).FailedWith("ValidationError");
        (await aws.RunAsync("cloudwatch", "put-composite-alarm", "--alarm-name", "orders-api-health",
            "--alarm-rule", "ALARM(\"orders-api-errors\")", "--alarm-description", "orders-api is unhealthy")).Succeeded();

        var defaults = (await aws.RunAsync("cloudwatch", "describe-alarms")).Succeeded().Json;
        Assert.Equal(("orders-api-errors", 0), (Assert.Single(defaults.GetProperty("MetricAlarms").EnumerateArray()).GetProperty("AlarmName").GetString(),
            defaults.GetProperty("CompositeAlarms").GetArrayLength()));

        (await aws.RunAsync("cloudwatch", "set-alarm-state", "--alarm-name", "orders-api-errors", "--state-value", "ALARM", "--state-reason", "drill")).Succeeded();
        var reply = (await aws.RunAsync("cloudwatch", "describe-alarms", "--alarm-types", "CompositeAlarm")).Succeeded().Json;
        Assert.Empty(reply.GetProperty("MetricAlarms").EnumerateArray());
        var composite = Assert.Single(reply.GetProperty("CompositeAlarms").EnumerateArray());
        Assert.Equal(("orders-api-health", "ALARM(\"orders-api-errors\")", "ALARM", "orders-api is unhealthy"),
            (composite.GetProperty("AlarmName").GetString(), composite.GetProperty("AlarmRule").GetString(),
                composite.GetProperty("StateValue").GetString(), composite.GetProperty("AlarmDescription").GetString()));
        Assert.StartsWith("arn:aws:cloudwatch:us-east-1:123456789012:alarm:orders-api-errors transitioned to ALARM at ",
            composite.GetProperty("StateReason").GetString(), StringComparison.Ordinal);

        (await aws.RunAsync("cloudwatch", "delete-alarms", "--alarm-names", "orders-api-health")).Succeeded();
        var gone = (await aws.RunAsync("cloudwatch", "describe-alarms", "--alarm-types", "CompositeAlarm", "MetricAlarm")).Succeeded().Json;
        Assert.Equal((0, 1), (gone.GetProperty("CompositeAlarms").GetArrayLength(), gone.GetProperty("MetricAlarms").GetArrayLength()));
    }

    private static async Task<JsonElement> DescribeAsync(AwsCli aws, params string[] filters)
    {
        var reply = (await aws.RunAsync(["cloudwatch", "describe-alarms", "--alarm-names", "orders-api-errors", .. filters])).Succeeded().Json;
        return Assert.Single(reply.GetProperty("MetricAlarms").EnumerateArray());
    }
}
