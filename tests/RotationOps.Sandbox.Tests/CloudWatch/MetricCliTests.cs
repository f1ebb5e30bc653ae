using System;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.CloudWatch;

/// <summary>
/// CloudWatch metrics through Debian's AWS CLI v2 (awsQuery on the wire): the seed runbook's
/// get-metric-statistics commands against data put with put-metric-data, and get-metric-data.
/// </summary>
public sealed class MetricCliTests
{
    private const string Data =
        """
        [
          {"MetricName": "Errors", "Dimensions": [{"Name": "FunctionName", "Value": "orders-api"}],
           "Timestamp": "2026-11-22T10:01:00Z", "Values": [0, 1], "Counts": [10, 2], "Unit": "Count"},
          {"MetricName": "Errors", "Dimensions": [{"Name": "FunctionName", "Value": "orders-api"}],
           "Timestamp": "2026-11-22T10:07:00Z", "Value": 3, "Unit": "Count"},
          {"MetricName": "Errors", "Dimensions": [{"Name": "FunctionName", "Value": "orders-api"}, {"Name": "Resource", "Value": "orders-api:live"}],
           "Timestamp": "2026-11-22T10:07:00Z", "Value": 100, "Unit": "Count"},
          {"MetricName": "Duration", "Dimensions": [{"Name": "FunctionName", "Value": "orders-api"}],
           "Timestamp": "2026-11-22T10:02:00Z", "StatisticValues": {"SampleCount": 4, "Sum": 400, "Minimum": 50, "Maximum": 150}, "Unit": "Milliseconds"},
          {"MetricName": "Duration", "Dimensions": [{"Name": "FunctionName", "Value": "orders-api"}],
           "Timestamp": "2026-11-22T10:08:00Z", "Value": 300, "Unit": "Milliseconds"}
        ]
        """;

    [AwsCliFact]
    public async Task The_seed_runbooks_error_sum_and_average_duration_come_back_per_five_minutes()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        var aws = new AwsCli(sandbox);
        (await aws.RunAsync("cloudwatch", "put-metric-data", "--namespace", "AWS/Lambda", "--metric-data", Data)).Succeeded();
        sandbox.Clock.Advance(TimeSpan.FromMinutes(10));

        var errors = (await aws.RunAsync("cloudwatch", "get-metric-statistics", "--namespace", "AWS/Lambda", "--metric-name", "Errors",
            "--dimensions", "Name=FunctionName,Value=orders-api", "--start-time", "2026-11-22T10:00:00Z", "--end-time", "2026-11-22T10:10:00Z",
            "--period", "300", "--statistics", "Sum")).Succeeded().Json;
        Assert.Equal("Errors", errors.GetProperty("Label").GetString());
        var sums = errors.GetProperty("Datapoints").EnumerateArray()
            .Select(d => (d.GetProperty("Timestamp").GetString(), d.GetProperty("Sum").GetDouble(), d.GetProperty("Unit").GetString()))
            .OrderBy(d => d.Item1).ToList();
        Assert.Equal([("2026-11-22T10:00:00+00:00", 2.0, "Count"), ("2026-11-22T10:05:00+00:00", 3.0, "Count")], sums);

        var duration = (await aws.RunAsync("cloudwatch", "get-metric-statistics", "--namespace", "AWS/Lambda", "--metric-name", "Duration",
            "--dimensions", "Name=FunctionName,Value=orders-api", "--start-time", "2026-11-22T10:00:00+00:00", "--end-time", "2026-11-22T10:10:00+00:00",
            "--period", "300", "--statistics", "Average")).Succeeded().Json;
        var averages = duration.GetProperty("Datapoints").EnumerateArray()
            .Select(d => (d.GetProperty("Timestamp").GetString(), d.GetProperty("Average").GetDouble(), d.GetProperty("Unit").GetString()))
            .OrderBy(d => d.Item1).ToList();
        Assert.Equal([("2026-11-22T10:00:00+00:00", 100.0, "Milliseconds"), ("2026-11-22T10:05:00+00:00", 300.0, "Milliseconds")], averages);
        Assert.All(duration.GetProperty("Datapoints").EnumerateArray(), d => Assert.False(d.TryGetProperty("Sum", out _)));
    }

    [AwsCliFact]
    public async Task The_seed_runbooks_date_only_times_are_refused_as_AWS_refuses_them()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();

        // `date --iso-8601` prints only the date, so the runbook's window is empty: AWS answers this.
        var result = (await new AwsCli(sandbox).RunAsync("cloudwatch", "get-metric-statistics", "--namespace", "AWS/Lambda", "--metric-name", "Errors",
            "--dimensions", "Name=FunctionName,Value=orders-api", "--start-time", "2026-11-22", "--end-time", "2026-11-22",
            "--period", "300", "--statistics", "Sum")).FailedWith("InvalidParameterValue");
        Assert.Contains("The parameter StartTime must be less than the parameter EndTime.", result.Stderr, StringComparison.Ordinal);
    }

    [AwsCliFact]
    public async Task Get_metric_data_returns_each_exact_series_newest_first()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        var aws = new AwsCli(sandbox);
        (await aws.RunAsync("cloudwatch", "put-metric-data", "--namespace", "AWS/Lambda", "--metric-data", Data)).Succeeded();
        sandbox.Clock.Advance(TimeSpan.FromMinutes(10));

        var result = (await aws.RunAsync("cloudwatch", "get-metric-data", "--start-time", "2026-11-22T10:00:00Z", "--end-time", "2026-11-22T10:10:00Z",
            "--metric-data-queries",
            """
            [
              {"Id": "errors", "MetricStat": {"Metric": {"Namespace": "AWS/Lambda", "MetricName": "Errors",
                 "Dimensions": [{"Name": "FunctionName", "Value": "orders-api"}]}, "Period": 60, "Stat": "Sum"}},
              {"Id": "live_errors", "Label": "through live", "MetricStat": {"Metric": {"Namespace": "AWS/Lambda", "MetricName": "Errors",
                 "Dimensions": [{"Name": "FunctionName", "Value": "orders-api"}, {"Name": "Resource", "Value": "orders-api:live"}]}, "Period": 60, "Stat": "Sum"}},
              {"Id": "hidden", "ReturnData": false, "MetricStat": {"Metric": {"Namespace": "AWS/Lambda", "MetricName": "Errors"}, "Period": 60, "Stat": "Sum"}}
            ]
            """)).Succeeded().Json;

        var results = result.GetProperty("MetricDataResults").EnumerateArray().ToList();
        Assert.Equal(["errors", "live_errors"], results.Select(r => r.GetProperty("Id").GetString()));
        Assert.Equal(["Errors", "through live"], results.Select(r => r.GetProperty("Label").GetString()));
        Assert.Equal(["2026-11-22T10:07:00+00:00", "2026-11-22T10:01:00+00:00"], results[0].GetProperty("Timestamps").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal([3.0, 2.0], results[0].GetProperty("Values").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([100.0], results[1].GetProperty("Values").EnumerateArray().Select(v => v.GetDouble()));
        Assert.All(results, r => Assert.Equal("Complete", r.GetProperty("StatusCode").GetString()));
    }

    [AwsCliFact]
    public async Task Bad_requests_fail_with_CloudWatchs_error_codes()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        var aws = new AwsCli(sandbox);

        var tooMany = (await aws.RunAsync("cloudwatch", "get-metric-statistics", "--namespace", "AWS/Lambda", "--metric-name", "Errors",
            "--start-time", "2026-11-20T10:00:00Z", "--end-time", "2026-11-22T10:00:00Z", "--period", "60", "--statistics", "Sum"))
            .FailedWith("InvalidParameterCombination");
        Assert.Contains("You have requested up to 2880 datapoints, which exceeds the limit of 1440.", tooMany.Stderr, StringComparison.Ordinal);

        var badId = (await aws.RunAsync("cloudwatch", "get-metric-data", "--start-time", "2026-11-22T09:00:00Z", "--end-time", "2026-11-22T10:00:00Z",
            "--metric-data-queries", """[{"Id": "Errors", "MetricStat": {"Metric": {"Namespace": "AWS/Lambda", "MetricName": "Errors"}, "Period": 60, "Stat": "Sum"}}]"""))
            .FailedWith("ValidationError");
        Assert.Contains("The value Errors for parameter MetricDataQueries.member.1.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.", badId.Stderr, StringComparison.Ordinal);

        var both = (await aws.RunAsync("cloudwatch", "put-metric-data", "--namespace", "Orders", "--metric-data",
            """[{"MetricName": "Latency", "Value": 1, "StatisticValues": {"SampleCount": 1, "Sum": 1, "Minimum": 1, "Maximum": 1}}]"""))
            .FailedWith("InvalidParameterCombination");
        Assert.Contains("The parameters MetricData.member.1.Value and MetricData.member.1.StatisticValues are mutually exclusive and you have specified both.",
            both.Stderr, StringComparison.Ordinal);

        (await new AwsCli(sandbox, secretAccessKey: "not-the-sandbox-secret-key-0000000000000").RunAsync("cloudwatch", "describe-alarms"))
            .FailedWith("SignatureDoesNotMatch");
    }
}
