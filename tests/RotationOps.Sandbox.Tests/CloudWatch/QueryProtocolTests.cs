using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml.Linq;
using RotationOps.Sandbox.CloudWatch;
using RotationOps.Sandbox.Faults;

namespace RotationOps.Sandbox.Tests.CloudWatch;

/// <summary>CloudWatch's wire protocols spoken directly: awsQuery form encoding and XML shapes, awsJson1_0, errors, quotas, faults, paging.</summary>
public sealed class QueryProtocolTests
{
    private static readonly DateTimeOffset Start = CloudWatchSandbox.Start;

    [Fact]
    public async Task A_reply_is_namespaced_XML_with_a_Result_element_and_the_request_id_of_the_header()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        CloudWatchSandbox.PutLambda(sandbox, "Errors", Start, 4, dimensions: ("FunctionName", "orders-api"));
        sandbox.Clock.Advance(TimeSpan.FromMinutes(5));

        using var response = await new CloudWatchHttp(sandbox).SendQueryAsync("GetMetricStatistics",
            ("Namespace", "AWS/Lambda"), ("MetricName", "Errors"), ("Dimensions.member.1.Name", "FunctionName"), ("Dimensions.member.1.Value", "orders-api"),
            ("StartTime", "2026-11-22T10:00:00Z"), ("EndTime", "2026-11-22T10:05:00Z"), ("Period", "300"),
            ("Statistics.member.1", "Sum"), ("Statistics.member.2", "SampleCount"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        var ns = CloudWatchHttp.Xmlns;
        Assert.Equal(ns + "GetMetricStatisticsResponse", root.Name);
        var member = root.Element(ns + "GetMetricStatisticsResult")!.Element(ns + "Datapoints")!.Elements(ns + "member").Single();
        Assert.Equal(["Timestamp", "Sum", "SampleCount", "Unit"], member.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(("2026-11-22T10:00:00Z", "4", "1", "Count"),
            (member.Element(ns + "Timestamp")!.Value, member.Element(ns + "Sum")!.Value, member.Element(ns + "SampleCount")!.Value, member.Element(ns + "Unit")!.Value));
        Assert.Equal("Errors", root.Element(ns + "GetMetricStatisticsResult")!.Element(ns + "Label")!.Value);
        Assert.Equal(response.Headers.GetValues("x-amzn-RequestId").Single(), root.Element(ns + "ResponseMetadata")!.Element(ns + "RequestId")!.Value);
    }

    [Fact]
    public async Task Form_values_are_percent_and_plus_decoded_and_an_operation_without_output_has_no_Result()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();

        using var response = await new CloudWatchHttp(sandbox).SendFormAsync(
            "Action=PutMetricData&Version=2010-08-01&Namespace=Orders%2FCheckout&MetricData.member.1.MetricName=Order+Latency"
            + "&MetricData.member.1.Dimensions.member.1.Name=Stage&MetricData.member.1.Dimensions.member.1.Value=blue%20green"
            + "&MetricData.member.1.Values.member.1=10&MetricData.member.1.Values.member.2=30&MetricData.member.1.Counts.member.1=3"
            + "&MetricData.member.1.Counts.member.2=1&MetricData.member.1.Unit=Milliseconds&MetricData.member.1.Timestamp=2026-11-22T09%3A59%3A30.250Z");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(["ResponseMetadata"], root.Elements().Select(e => e.Name.LocalName));
        var metric = Assert.Single(sandbox.CloudWatch.Metrics.Metrics);
        Assert.Equal("Orders/Checkout Order Latency {Stage=blue green}", metric.ToString());
        var period = Assert.Single(sandbox.CloudWatch.Metrics.GetStatistics(metric, Start.AddMinutes(-1), Start, TimeSpan.FromMinutes(1)));
        Assert.Equal((4.0, 60.0, 10.0, 30.0, "Milliseconds"), (period.SampleCount, period.Sum, period.Minimum, period.Maximum, period.Unit));
    }

    [Fact]
    public async Task Errors_are_ErrorResponse_XML_with_type_code_message_and_request_id()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        var http = new CloudWatchHttp(sandbox);

        using var response = await http.SendQueryAsync("PutMetricData", ("MetricData.member.1.MetricName", "x"), ("MetricData.member.1.Value", "1"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        var ns = CloudWatchHttp.Xmlns;
        Assert.Equal(ns + "ErrorResponse", root.Name);
        var error = root.Element(ns + "Error")!;
        Assert.Equal(("Sender", "MissingParameter", "The parameter Namespace is required."),
            (error.Element(ns + "Type")!.Value, error.Element(ns + "Code")!.Value, error.Element(ns + "Message")!.Value));
        Assert.Equal(response.Headers.GetValues("x-amzn-RequestId").Single(), root.Element(ns + "RequestId")!.Value);

        var (notFound, notFoundError) = await http.QueryFailAsync("SetAlarmState", ("AlarmName", "nope"), ("StateValue", "OK"), ("StateReason", "x"));
        Assert.Equal((HttpStatusCode.NotFound, "ResourceNotFound"), (notFound, notFoundError.Element(ns + "Code")!.Value));

        var (_, unknown) = await http.QueryFailAsync("ListDashboards");
        Assert.Equal("InvalidAction", unknown.Element(ns + "Code")!.Value);

        var (_, badStatistic) = await http.QueryFailAsync("GetMetricStatistics", ("Namespace", "AWS/Lambda"), ("MetricName", "Errors"),
            ("StartTime", "2026-11-22T09:00:00Z"), ("EndTime", "2026-11-22T10:00:00Z"), ("Period", "60"), ("Statistics.member.1", "Median"));
        Assert.Equal(("InvalidParameterValue", "The parameter Statistics.member.1 must be a value in the set [ Minimum, Maximum, Average, SampleCount, Sum ]."),
            (badStatistic.Element(ns + "Code")!.Value, badStatistic.Element(ns + "Message")!.Value));
    }

    [Fact]
    public async Task Signature_errors_use_the_awsQuery_codes_and_403()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        using var unsigned = new HttpRequestMessage(HttpMethod.Post, sandbox.Endpoint)
        {
            Content = new StringContent(CloudWatchHttp.Form("DescribeAlarms"), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };

        using var response = await new HttpClient().SendAsync(unsigned);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("MissingAuthenticationToken", XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!
            .Element(CloudWatchHttp.Xmlns + "Error")!.Element(CloudWatchHttp.Xmlns + "Code")!.Value);
    }

    [Fact]
    public async Task AwsJson_1_0_carries_the_same_operations_with_epoch_timestamps_and_query_error_codes()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        CloudWatchSandbox.PutLambda(sandbox, "Invocations", Start, 60, dimensions: ("FunctionName", "orders-api"));
        sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
        var http = new CloudWatchHttp(sandbox);

        using var response = await http.SendJsonAsync("GetMetricData", new
        {
            StartTime = Start.ToUnixTimeSeconds(),
            EndTime = Start.AddMinutes(1).ToUnixTimeSeconds(),
            MetricDataQueries = new[]
            {
                new { Id = "calls", MetricStat = new { Metric = new { Namespace = "AWS/Lambda", MetricName = "Invocations", Dimensions = new[] { new { Name = "FunctionName", Value = "orders-api" } } }, Period = 60, Stat = "Sum" } },
            },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.0", response.Content.Headers.ContentType!.MediaType);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("MetricDataResults")[0];
        Assert.Equal(Start.ToUnixTimeSeconds(), result.GetProperty("Timestamps")[0].GetDouble());
        Assert.Equal(60, result.GetProperty("Values")[0].GetDouble());

        using var failed = await http.SendJsonAsync("DeleteAlarms", new { AlarmNames = new[] { "nope" } });
        Assert.Equal(HttpStatusCode.NotFound, failed.StatusCode);
        Assert.Equal("ResourceNotFound;Sender", failed.Headers.GetValues("x-amzn-query-error").Single());
        Assert.Equal("ResourceNotFound", JsonDocument.Parse(await failed.Content.ReadAsStringAsync()).RootElement.GetProperty("__type").GetString());
    }

    [Fact]
    public async Task DescribeAlarms_is_rate_limited_and_faults_hit_service_monitoring()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync(new CloudWatchOptions { DescribeAlarmsPerSecond = 1 });
        var http = new CloudWatchHttp(sandbox);
        await http.QueryAsync("DescribeAlarms");

        var (status, throttled) = await http.QueryFailAsync("DescribeAlarms");
        var ns = CloudWatchHttp.Xmlns;
        Assert.Equal((HttpStatusCode.BadRequest, "Throttling", "Rate exceeded"), (status, throttled.Element(ns + "Code")!.Value, throttled.Element(ns + "Message")!.Value));

        sandbox.Faults.Add(new FaultRule { Service = "monitoring", Operation = "GetMetricData", Kind = FaultKind.ServerError, Count = 1 });
        var (faulted, error) = await http.QueryFailAsync("GetMetricData", ("StartTime", "2026-11-22T09:00:00Z"), ("EndTime", "2026-11-22T10:00:00Z"),
            ("MetricDataQueries.member.1.Id", "m"), ("MetricDataQueries.member.1.MetricStat.Metric.Namespace", "AWS/Lambda"),
            ("MetricDataQueries.member.1.MetricStat.Metric.MetricName", "Errors"), ("MetricDataQueries.member.1.MetricStat.Period", "60"),
            ("MetricDataQueries.member.1.MetricStat.Stat", "Sum"));
        Assert.Equal((HttpStatusCode.InternalServerError, "Receiver", "InternalServiceError"), (faulted, error.Element(ns + "Type")!.Value, error.Element(ns + "Code")!.Value));
    }

    [Fact]
    public async Task GetMetricData_pages_by_MaxDatapoints_and_marks_cut_results_PartialData()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        for (var minute = 0; minute < 3; minute++)
        {
            CloudWatchSandbox.PutLambda(sandbox, "Errors", Start.AddMinutes(minute), minute + 1, dimensions: ("FunctionName", "orders-api"));
        }

        sandbox.Clock.Advance(TimeSpan.FromMinutes(5));
        var http = new CloudWatchHttp(sandbox);
        (string, string)[] query =
        [
            ("StartTime", "2026-11-22T10:00:00Z"), ("EndTime", "2026-11-22T10:05:00Z"), ("MaxDatapoints", "2"), ("ScanBy", "TimestampAscending"),
            ("MetricDataQueries.member.1.Id", "m"), ("MetricDataQueries.member.1.MetricStat.Metric.Namespace", "AWS/Lambda"),
            ("MetricDataQueries.member.1.MetricStat.Metric.MetricName", "Errors"),
            ("MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name", "FunctionName"),
            ("MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value", "orders-api"),
            ("MetricDataQueries.member.1.MetricStat.Period", "60"), ("MetricDataQueries.member.1.MetricStat.Stat", "Maximum"),
        ];
        var ns = CloudWatchHttp.Xmlns;

        var first = await http.QueryAsync("GetMetricData", query);
        var firstResult = first.Element(ns + "MetricDataResults")!.Element(ns + "member")!;
        Assert.Equal(["1", "2"], firstResult.Element(ns + "Values")!.Elements().Select(v => v.Value));
        Assert.Equal("PartialData", firstResult.Element(ns + "StatusCode")!.Value);

        var second = await http.QueryAsync("GetMetricData", [.. query, ("NextToken", first.Element(ns + "NextToken")!.Value)]);
        var secondResult = second.Element(ns + "MetricDataResults")!.Element(ns + "member")!;
        Assert.Equal(["3"], secondResult.Element(ns + "Values")!.Elements().Select(v => v.Value));
        Assert.Equal("Complete", secondResult.Element(ns + "StatusCode")!.Value);
        Assert.Null(second.Element(ns + "NextToken"));
    }

    [Fact]
    public async Task DescribeAlarms_filters_by_prefix_and_state_and_pages_in_name_order()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        var http = new CloudWatchHttp(sandbox);
        foreach (var name in new[] { "orders-c", "orders-a", "billing", "orders-b" })
        {
            await http.PutAlarmAsync(name, threshold: 1);
        }

        await http.QueryAsync("SetAlarmState", ("AlarmName", "orders-b"), ("StateValue", "ALARM"), ("StateReason", "drill"));
        var ns = CloudWatchHttp.Xmlns;

        var page = await http.QueryAsync("DescribeAlarms", ("AlarmNamePrefix", "orders-"), ("MaxRecords", "2"));
        Assert.Equal(["orders-a", "orders-b"], Names(page));
        var rest = await http.QueryAsync("DescribeAlarms", ("AlarmNamePrefix", "orders-"), ("MaxRecords", "2"), ("NextToken", page.Element(ns + "NextToken")!.Value));
        Assert.Equal(["orders-c"], Names(rest));
        Assert.Equal(["orders-b"], Names(await http.QueryAsync("DescribeAlarms", ("StateValue", "ALARM"))));
        Assert.Equal(["billing", "orders-c"], Names(await http.QueryAsync("DescribeAlarms", ("AlarmNames.member.1", "orders-c"), ("AlarmNames.member.2", "billing"))));

        var (_, missing) = await http.QueryFailAsync("DeleteAlarms", ("AlarmNames.member.1", "billing"), ("AlarmNames.member.2", "nope"));
        Assert.Equal("ResourceNotFound", missing.Element(ns + "Code")!.Value);
        Assert.NotNull(sandbox.CloudWatch.FindAlarm("billing"));

        static string[] Names(XElement result) =>
            result.Element(CloudWatchHttp.Xmlns + "MetricAlarms")!.Elements(CloudWatchHttp.Xmlns + "member")
                .Select(m => m.Element(CloudWatchHttp.Xmlns + "AlarmName")!.Value).ToArray();
    }
}
