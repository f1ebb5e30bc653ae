using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.CloudWatch;
using RotationOps.Engine.Tests.Support;

namespace RotationOps.Engine.Tests.CloudWatch;

/// <summary>awsQuery requests as CloudWatch receives them: POST / with a form body, signed for "monitoring".</summary>
public sealed class CloudWatchWireShapeTests
{
    private static readonly DateTimeOffset Start = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetMetricData_flattens_queries_and_dimensions_into_a_signed_form()
    {
        CapturedRequest? sent = null;
        string? signatureProblem = null;
        SigV4Scope? scope = null;
        using var server = new LoopbackServer(request =>
        {
            sent = request;
            signatureProblem = SigV4Reference.Verify(request, TestClients.SecretAccessKey, out scope);
            return new LoopbackAnswer(200, CloudWatchTestClient.MetricData(""));
        });
        using var http = new HttpClient();
        var queries = new[]
        {
            new MetricDataQuery
            {
                Id = "canary_errors", Namespace = "AWS/Lambda", MetricName = "Errors",
                Dimensions = new Dictionary<string, string> { ["Resource"] = "orders-api:live", ["FunctionName"] = "orders-api", ["ExecutedVersion"] = "7" },
            },
            new MetricDataQuery { Id = "p99", Namespace = "AWS/Lambda", MetricName = "Duration", PeriodSeconds = 300, Stat = "p99" },
        };

        await CloudWatchTestClient.Create(server, http).GetMetricDataAsync(queries, Start, Start.AddMinutes(30).AddMilliseconds(500), CancellationToken.None);

        Assert.Null(signatureProblem);
        Assert.Equal(new SigV4Scope(TestClients.AccessKeyId, "eu-west-1", "monitoring"), scope);
        Assert.Equal("POST", sent!.Method.Method);
        Assert.Equal("/", sent.Uri.PathAndQuery);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", sent.Header("Content-Type"));
        const string q1 = "MetricDataQueries.member.1.";
        const string d = q1 + "MetricStat.Metric.Dimensions.member.";
        const string q2 = "MetricDataQueries.member.2.";
        Assert.Equal(string.Join("&",
            "Action=GetMetricData", "Version=2010-08-01",
            q1 + "Id=canary_errors", q1 + "MetricStat.Metric.Namespace=AWS%2FLambda", q1 + "MetricStat.Metric.MetricName=Errors",
            d + "1.Name=ExecutedVersion", d + "1.Value=7", d + "2.Name=FunctionName", d + "2.Value=orders-api",
            d + "3.Name=Resource", d + "3.Value=orders-api%3Alive",
            q1 + "MetricStat.Period=60", q1 + "MetricStat.Stat=Sum", q1 + "ReturnData=true",
            q2 + "Id=p99", q2 + "MetricStat.Metric.Namespace=AWS%2FLambda", q2 + "MetricStat.Metric.MetricName=Duration",
            q2 + "MetricStat.Period=300", q2 + "MetricStat.Stat=p99", q2 + "ReturnData=true",
            "StartTime=2025-03-01T12%3A00%3A00Z", "EndTime=2025-03-01T12%3A30%3A00.5Z"), sent.BodyText);
    }

    [Fact]
    public async Task DescribeAlarms_over_a_socket_is_signed_for_monitoring()
    {
        string? body = null;
        string? signatureProblem = null;
        using var server = new LoopbackServer(request =>
        {
            body = request.BodyText;
            signatureProblem = SigV4Reference.Verify(request, TestClients.SecretAccessKey, out _);
            return new LoopbackAnswer(200, CloudWatchTestClient.Alarms(CloudWatchTestClient.Alarm("orders-api errors", "OK")));
        });
        using var http = new HttpClient();

        IReadOnlyList<CloudWatchAlarm> alarms = await CloudWatchTestClient.Create(server, http)
            .DescribeAlarmsAsync(new[] { "orders-api errors", "orders-api p99 > 1s" }, CancellationToken.None);

        Assert.Null(signatureProblem);
        Assert.Equal("Action=DescribeAlarms&Version=2010-08-01&AlarmNames.member.1=orders-api%20errors&" +
            "AlarmNames.member.2=orders-api%20p99%20%3E%201s&AlarmTypes.member.1=CompositeAlarm&AlarmTypes.member.2=MetricAlarm&MaxRecords=100", body);
        Assert.Equal("OK", Assert.Single(alarms).StateValue);
    }

    [Fact]
    public async Task DescribeAlarms_by_prefix_asks_for_one_page_of_metric_and_composite_alarms()
    {
        var handler = new StubHttpHandler(Answer.Json(System.Net.HttpStatusCode.OK, CloudWatchTestClient.Alarms(
            CloudWatchTestClient.Alarm("orders-api errors", "ALARM") + CloudWatchTestClient.Alarm("orders-api p99", "OK"), nextToken: "t2")));

        IReadOnlyList<CloudWatchAlarm> alarms = await CloudWatchTestClient.Create(handler).DescribeAlarmsByPrefixAsync("orders-api ", 100, CancellationToken.None);

        Assert.Equal("Action=DescribeAlarms&Version=2010-08-01&AlarmNamePrefix=orders-api%20&AlarmTypes.member.1=CompositeAlarm&AlarmTypes.member.2=MetricAlarm&MaxRecords=100",
            Assert.Single(handler.Requests).BodyText);
        Assert.Equal(new[] { "ALARM", "OK" }, alarms.Select(a => a.StateValue));
    }

    [Fact]
    public async Task DescribeAlarms_by_an_empty_prefix_sends_none_because_AWS_refuses_an_empty_one()
    {
        var handler = new StubHttpHandler(Answer.Json(System.Net.HttpStatusCode.OK, CloudWatchTestClient.Alarms("")));

        await CloudWatchTestClient.Create(handler).DescribeAlarmsByPrefixAsync("", 20, CancellationToken.None);

        Assert.Equal("Action=DescribeAlarms&Version=2010-08-01&AlarmTypes.member.1=CompositeAlarm&AlarmTypes.member.2=MetricAlarm&MaxRecords=20", Assert.Single(handler.Requests).BodyText);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            CloudWatchTestClient.Create(handler).DescribeAlarmsByPrefixAsync("x", 101, CancellationToken.None));
    }

    [Fact]
    public async Task More_than_100_alarm_names_are_split_into_calls_of_at_most_100_without_repeats()
    {
        string[] names = Enumerable.Range(1, 250).Select(i => "alarm-" + i).Concat(new[] { "alarm-1" }).ToArray();
        var handler = new StubHttpHandler(
            Answer.Json(System.Net.HttpStatusCode.OK, CloudWatchTestClient.Alarms(CloudWatchTestClient.Alarm("alarm-1", "ALARM"))),
            Answer.Json(System.Net.HttpStatusCode.OK, CloudWatchTestClient.Alarms(CloudWatchTestClient.Alarm("alarm-150", "OK"))),
            Answer.Json(System.Net.HttpStatusCode.OK, CloudWatchTestClient.Alarms(CloudWatchTestClient.Alarm("alarm-250", "INSUFFICIENT_DATA"))));

        IReadOnlyList<CloudWatchAlarm> alarms = await CloudWatchTestClient.Create(handler).DescribeAlarmsAsync(names, CancellationToken.None);

        Assert.Equal(new[] { "alarm-1", "alarm-150", "alarm-250" }, alarms.Select(a => a.AlarmName));
        Assert.Equal(new[] { 100, 100, 50 }, handler.Requests.Select(r => CountNames(r.BodyText)));
        Assert.StartsWith("Action=DescribeAlarms&Version=2010-08-01&AlarmNames.member.1=alarm-101&", handler.Requests[1].BodyText);
        Assert.EndsWith("AlarmNames.member.50=alarm-250&AlarmTypes.member.1=CompositeAlarm&AlarmTypes.member.2=MetricAlarm&MaxRecords=100", handler.Requests[2].BodyText);
    }

    [Fact]
    public async Task Nothing_is_sent_for_no_alarm_names_because_DescribeAlarms_would_list_them_all()
    {
        var handler = new StubHttpHandler(Answer.Ok("{}"));

        IReadOnlyList<CloudWatchAlarm> alarms = await CloudWatchTestClient.Create(handler).DescribeAlarmsAsync(Array.Empty<string>(), CancellationToken.None);

        Assert.Empty(alarms);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task More_than_500_queries_are_refused_before_anything_is_sent()
    {
        var handler = new StubHttpHandler(Answer.Ok("{}"));
        MetricDataQuery[] queries = Enumerable.Range(0, 501).Select(i => new MetricDataQuery { Id = "q" + i, Namespace = "N", MetricName = "M" }).ToArray();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            CloudWatchTestClient.Create(handler).GetMetricDataAsync(queries, Start, Start.AddHours(1), CancellationToken.None));

        Assert.Empty(handler.Requests);
    }

    private static int CountNames(string form) => form.Split('&').Count(pair => pair.StartsWith("AlarmNames.member.", StringComparison.Ordinal));

    [Fact]
    public async Task PutMetricData_flattens_points_and_dimensions_into_a_form_and_is_not_resent_after_a_server_error()
    {
        var handler = new StubHttpHandler(Answer.Json(System.Net.HttpStatusCode.InternalServerError,
            CloudWatchTestClient.Error("InternalServiceError", "Try again.")));
        var data = new[]
        {
            new MetricDatum
            {
                MetricName = "RotationFailed", Value = 1, Unit = "Count", Timestamp = Start,
                Dimensions = new Dictionary<string, string> { ["SecretName"] = "prod/orders/db" },
            },
            new MetricDatum
            {
                MetricName = "RotationDuration", Value = 12.5, Unit = "Seconds", Timestamp = Start,
                Dimensions = new Dictionary<string, string> { ["SecretName"] = "prod/orders/db" },
            },
        };

        var error = await Assert.ThrowsAsync<RotationOps.Engine.Aws.AwsServiceException>(() =>
            CloudWatchTestClient.Create(handler).PutMetricDataAsync("RotationOps/Prod", data, CancellationToken.None));

        // A point that did arrive before the error would count twice if sent again.
        Assert.Single(handler.Requests);
        Assert.Equal("InternalServiceError", error.ErrorCode);
        const string m1 = "MetricData.member.1.";
        const string m2 = "MetricData.member.2.";
        Assert.Equal(string.Join("&",
            "Action=PutMetricData", "Version=2010-08-01", "Namespace=RotationOps%2FProd",
            m1 + "MetricName=RotationFailed", m1 + "Dimensions.member.1.Name=SecretName", m1 + "Dimensions.member.1.Value=prod%2Forders%2Fdb",
            m1 + "Timestamp=2025-03-01T12%3A00%3A00Z", m1 + "Value=1", m1 + "Unit=Count",
            m2 + "MetricName=RotationDuration", m2 + "Dimensions.member.1.Name=SecretName", m2 + "Dimensions.member.1.Value=prod%2Forders%2Fdb",
            m2 + "Timestamp=2025-03-01T12%3A00%3A00Z", m2 + "Value=12.5", m2 + "Unit=Seconds"), handler.Requests[0].BodyText);
    }
}
