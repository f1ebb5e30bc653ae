using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.CloudWatch;
using RotationOps.Engine.Tests.Support;

namespace RotationOps.Engine.Tests.CloudWatch;

public sealed class CloudWatchResponseTests
{
    private static readonly DateTimeOffset Start = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly MetricDataQuery[] Queries =
    {
        new MetricDataQuery { Id = "stable", Namespace = "AWS/Lambda", MetricName = "Errors" },
        new MetricDataQuery { Id = "canary", Namespace = "AWS/Lambda", MetricName = "Errors" },
    };

    [Fact]
    public async Task Several_results_are_read_with_their_timestamps_values_labels_and_status()
    {
        var handler = new StubHttpHandler(Answer.Json(HttpStatusCode.OK, CloudWatchTestClient.MetricData(
            "<member><Id>stable</Id><Label>Errors stable</Label><StatusCode>Complete</StatusCode>" +
            "<Timestamps><member>2025-03-01T12:02:00Z</member><member>2025-03-01T12:01:00.000Z</member></Timestamps>" +
            "<Values><member>3.0</member><member>1.5E-1</member></Values></member>" +
            "<member><Id>canary</Id><Label>Errors canary</Label><Timestamps/><Values/><StatusCode>Complete</StatusCode></member>")));

        IReadOnlyList<MetricDataResult> results = await CloudWatchTestClient.Create(handler)
            .GetMetricDataAsync(Queries, Start, Start.AddMinutes(5), CancellationToken.None);

        Assert.Equal(new[] { "stable", "canary" }, results.Select(r => r.Id));
        Assert.Equal("Errors stable", results[0].Label);
        Assert.Equal(new[] { Start.AddMinutes(2), Start.AddMinutes(1) }, results[0].Timestamps);
        Assert.Equal(new[] { 3.0, 0.15 }, results[0].Values);
        Assert.Equal("Complete", results[0].StatusCode);
        Assert.Empty(results[1].Timestamps);
        Assert.Empty(results[1].Values);
    }

    [Fact]
    public async Task A_series_split_over_NextToken_pages_comes_back_as_one_result_per_id()
    {
        var handler = new StubHttpHandler(
            Answer.Json(HttpStatusCode.OK, CloudWatchTestClient.MetricData(
                "<member><Id>stable</Id><Label>Errors</Label><StatusCode>PartialData</StatusCode>" +
                "<Timestamps><member>2025-03-01T12:02:00Z</member></Timestamps><Values><member>2</member></Values></member>", "page/2+")),
            Answer.Json(HttpStatusCode.OK, CloudWatchTestClient.MetricData(
                "<member><Id>stable</Id><Label>Errors</Label><StatusCode>Complete</StatusCode>" +
                "<Timestamps><member>2025-03-01T12:01:00Z</member></Timestamps><Values><member>1</member></Values></member>" +
                "<member><Id>canary</Id><StatusCode>Complete</StatusCode><Timestamps/><Values/></member>")));

        IReadOnlyList<MetricDataResult> results = await CloudWatchTestClient.Create(handler)
            .GetMetricDataAsync(Queries, Start, Start.AddMinutes(5), CancellationToken.None);

        Assert.Equal(new[] { "stable", "canary" }, results.Select(r => r.Id));
        Assert.Equal(new[] { Start.AddMinutes(2), Start.AddMinutes(1) }, results[0].Timestamps);
        Assert.Equal(new[] { 2.0, 1.0 }, results[0].Values);
        Assert.Equal("Complete", results[0].StatusCode);
        Assert.EndsWith("&NextToken=page%2F2%2B", handler.Requests[1].BodyText);
    }

    [Fact]
    public async Task A_failed_result_keeps_its_status_and_CloudWatchs_messages_across_pages_with_the_calls_own_messages()
    {
        var handler = new StubHttpHandler(
            Answer.Json(HttpStatusCode.OK, CloudWatchTestClient.MetricData(
                "<member><Id>stable</Id><StatusCode>InternalError</StatusCode><Timestamps/><Values/>" +
                "<Messages><member><Code>InternalError</Code><Value>Could not read the metric.</Value></member></Messages></member>", "page-2")),
            Answer.Json(HttpStatusCode.OK, CloudWatchTestClient.MetricData(
                "<member><Id>stable</Id><StatusCode>Complete</StatusCode>" +
                "<Timestamps><member>2025-03-01T12:01:00Z</member></Timestamps><Values><member>0</member></Values></member>" +
                "<member><Id>canary</Id><StatusCode>Forbidden</StatusCode><Timestamps/><Values/>" +
                "<Messages><member><Code>Forbidden</Code><Value>Not authorized.</Value></member></Messages></member>")
                .Replace("<Messages/>\n  </GetMetricDataResult>", "<Messages><member><Code>MaxMetricsExceeded</Code><Value>Too many.</Value></member></Messages></GetMetricDataResult>")));

        IReadOnlyList<MetricDataResult> results = await CloudWatchTestClient.Create(handler)
            .GetMetricDataAsync(Queries, Start, Start.AddMinutes(5), CancellationToken.None);

        // A later page saying Complete does not bring back the points the failed page lacked.
        Assert.Equal("InternalError", results[0].StatusCode);
        Assert.False(results[0].IsComplete);
        Assert.Equal(new[] { "InternalError: Could not read the metric.", "MaxMetricsExceeded: Too many." }, results[0].Messages.Select(m => m.ToString()));
        Assert.Equal("Forbidden", results[1].StatusCode);
        Assert.Equal(new[] { "Forbidden: Not authorized.", "MaxMetricsExceeded: Too many." }, results[1].Messages.Select(m => m.ToString()));
    }

    [Fact]
    public async Task Alarms_are_read_field_by_field_without_nested_metric_fields_shadowing_their_own()
    {
        var handler = new StubHttpHandler(Answer.Json(HttpStatusCode.OK, CloudWatchTestClient.Alarms(
            "<member><AlarmName>orders-api errors</AlarmName><AlarmArn>arn:aws:cloudwatch:eu-west-1:123456789012:alarm:orders-api errors</AlarmArn>" +
            "<StateValue>ALARM</StateValue><StateReason>Threshold Crossed: 1 datapoint [5.0 (01/03/25 12:00:00)] was greater than the threshold (1.0).</StateReason>" +
            "<StateUpdatedTimestamp>2025-03-01T12:03:04.567Z</StateUpdatedTimestamp><MetricName>Errors</MetricName><Namespace>AWS/Lambda</Namespace>" +
            "<Dimensions><member><Name>FunctionName</Name><Value>orders-api</Value></member></Dimensions>" +
            "<Metrics><member><Id>m1</Id><MetricStat><Metric><MetricName>Shadow</MetricName><Namespace>Other</Namespace></Metric></MetricStat></member></Metrics>" +
            "<Threshold>1.0</Threshold><ComparisonOperator>GreaterThanThreshold</ComparisonOperator></member>" +
            CloudWatchTestClient.Alarm("orders-api p99", "INSUFFICIENT_DATA"))));

        IReadOnlyList<CloudWatchAlarm> alarms = await CloudWatchTestClient.Create(handler)
            .DescribeAlarmsAsync(new[] { "orders-api errors", "orders-api p99" }, CancellationToken.None);

        CloudWatchAlarm first = alarms[0];
        Assert.Equal("orders-api errors", first.AlarmName);
        Assert.Equal("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:orders-api errors", first.AlarmArn);
        Assert.Equal("ALARM", first.StateValue);
        Assert.StartsWith("Threshold Crossed", first.StateReason);
        Assert.Equal(Start.AddMinutes(3).AddSeconds(4).AddMilliseconds(567), first.StateUpdatedTimestamp);
        Assert.Equal("Errors", first.MetricName);
        Assert.Equal("AWS/Lambda", first.Namespace);
        Assert.Equal(1.0, first.Threshold);
        Assert.Equal("GreaterThanThreshold", first.ComparisonOperator);
        Assert.Equal("INSUFFICIENT_DATA", alarms[1].StateValue);
        Assert.Null(alarms[1].Threshold);
    }

    [Fact]
    public async Task Composite_alarms_are_read_from_their_own_list_and_say_they_are_composite()
    {
        var handler = new StubHttpHandler(Answer.Json(HttpStatusCode.OK, CloudWatchTestClient.Alarms(
            CloudWatchTestClient.Alarm("orders-api errors", "ALARM"),
            compositeAlarms: "<member><ActionsEnabled>true</ActionsEnabled><AlarmActions/><AlarmName>orders-api health</AlarmName>" +
                "<AlarmRule>ALARM(\"orders-api errors\")</AlarmRule><StateReason>arn:aws:cloudwatch:eu-west-1:123456789012:alarm:orders-api errors " +
                "transitioned to ALARM at Saturday 01 March, 2025 12:03:04 UTC</StateReason><StateUpdatedTimestamp>2025-03-01T12:03:04.567Z</StateUpdatedTimestamp>" +
                "<StateValue>ALARM</StateValue></member>")));

        IReadOnlyList<CloudWatchAlarm> alarms = await CloudWatchTestClient.Create(handler)
            .DescribeAlarmsAsync(new[] { "orders-api health", "orders-api errors" }, CancellationToken.None);

        CloudWatchAlarm composite = alarms.Single(a => a.AlarmName == "orders-api health");
        Assert.True(composite.IsComposite);
        Assert.Equal("ALARM(\"orders-api errors\")", composite.AlarmRule);
        Assert.Equal("ALARM", composite.StateValue);
        Assert.EndsWith("transitioned to ALARM at Saturday 01 March, 2025 12:03:04 UTC", composite.StateReason);
        Assert.Equal(Start.AddMinutes(3).AddSeconds(4).AddMilliseconds(567), composite.StateUpdatedTimestamp);
        Assert.False(alarms.Single(a => a.AlarmName == "orders-api errors").IsComposite);
    }

    [Fact]
    public async Task Alarm_listings_follow_NextToken()
    {
        var handler = new StubHttpHandler(
            Answer.Json(HttpStatusCode.OK, CloudWatchTestClient.Alarms(CloudWatchTestClient.Alarm("a", "OK"), "t1")),
            Answer.Json(HttpStatusCode.OK, CloudWatchTestClient.Alarms(CloudWatchTestClient.Alarm("b", "OK"))));

        IReadOnlyList<CloudWatchAlarm> alarms = await CloudWatchTestClient.Create(handler).DescribeAlarmsAsync(new[] { "a", "b" }, CancellationToken.None);

        Assert.Equal(new[] { "a", "b" }, alarms.Select(a => a.AlarmName));
        Assert.EndsWith("&MaxRecords=100&NextToken=t1", handler.Requests[1].BodyText);
    }

    [Fact]
    public async Task A_listing_that_repeats_its_NextToken_is_a_malformed_response_instead_of_a_loop()
    {
        var handler = new StubHttpHandler(Answer.Json(HttpStatusCode.OK, CloudWatchTestClient.Alarms(CloudWatchTestClient.Alarm("a", "OK"), "same")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            CloudWatchTestClient.Create(handler).DescribeAlarmsAsync(new[] { "a" }, CancellationToken.None));

        Assert.Equal("MalformedResponse", error.ErrorCode);
        Assert.Contains("NextToken", error.ServiceMessage);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task XML_errors_give_the_query_code_message_and_status_and_are_not_retried()
    {
        var handler = new StubHttpHandler(Answer.Json(HttpStatusCode.BadRequest,
            CloudWatchTestClient.Error("InvalidParameterValue", "The parameter MetricDataQueries.member.1.Id must match pattern [a-z][a-zA-Z0-9_]*"),
            ("x-amzn-RequestId", "cw-err-1")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            CloudWatchTestClient.Create(handler).GetMetricDataAsync(Queries, Start, Start.AddMinutes(5), CancellationToken.None));

        Assert.Equal("monitoring", error.Service);
        Assert.Equal("GetMetricData", error.Operation);
        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Equal("The parameter MetricDataQueries.member.1.Id must match pattern [a-z][a-zA-Z0-9_]*", error.ServiceMessage);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("cw-err-1", error.RequestId);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Throttling_is_retried_with_backoff_on_the_injected_clock()
    {
        var handler = new StubHttpHandler(
            Answer.Json(HttpStatusCode.BadRequest, CloudWatchTestClient.Error("Throttling", "Rate exceeded")),
            Answer.Json(HttpStatusCode.OK, CloudWatchTestClient.Alarms(CloudWatchTestClient.Alarm("a", "OK"))));
        var time = new FakeTimeProvider();

        IReadOnlyList<CloudWatchAlarm> alarms = await CloudWatchTestClient.Create(handler, time: time).DescribeAlarmsAsync(new[] { "a" }, CancellationToken.None);

        Assert.Equal("OK", Assert.Single(alarms).StateValue);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Single(time.Waits);
    }

    [Fact]
    public async Task An_error_page_that_is_not_XML_is_named_by_its_status()
    {
        var handler = new StubHttpHandler(Answer.Json(HttpStatusCode.Forbidden, "<html><body>denied"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            CloudWatchTestClient.Create(handler).DescribeAlarmsAsync(new[] { "a" }, CancellationToken.None));

        Assert.Equal("Forbidden", error.ErrorCode);
        Assert.Contains("endpoint", error.ServiceMessage);
    }

    [Theory]
    [InlineData("{\"MetricDataResults\":[]}")]
    [InlineData("<GetMetricDataResponse><GetMetricDataResult><MetricDataResults><member><Id>stable</Id>" +
                "<Timestamps><member>2025-03-01T12:02:00Z</member></Timestamps><Values/></member></MetricDataResults></GetMetricDataResult></GetMetricDataResponse>")]
    [InlineData("<OtherResponse><OtherResult/></OtherResponse>")]
    public async Task An_answer_that_is_not_CloudWatch_XML_is_a_malformed_response(string body)
    {
        var handler = new StubHttpHandler(Answer.Json(HttpStatusCode.OK, body));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            CloudWatchTestClient.Create(handler).GetMetricDataAsync(Queries, Start, Start.AddMinutes(5), CancellationToken.None));

        Assert.Equal("MalformedResponse", error.ErrorCode);
        Assert.Equal("the answer is not the XML CloudWatch sends; check that the endpoint is CloudWatch", error.ServiceMessage);
    }
}
