using System;
using System.Collections.Concurrent;
using System.Net.Http;
using RotationOps.Engine.CloudWatch;
using RotationOps.Engine.Tests.Support;

namespace RotationOps.Engine.Tests.CloudWatch;

/// <summary>CloudWatch clients on the test transports, and answers in the shape CloudWatch's awsQuery endpoint sends.</summary>
internal static class CloudWatchTestClient
{
    public const string Namespace = "http://monitoring.amazonaws.com/doc/2010-08-01/";

    public static CloudWatchClient Create(StubHttpHandler handler, ConcurrentQueue<string>? verbose = null, FakeTimeProvider? time = null) =>
        CloudWatchClient.Create(TestClients.Options(o => o.EndpointUrl = new Uri("https://monitoring.test/")), time ?? new FakeTimeProvider(),
            verbose is null ? null : verbose.Enqueue, handler.CreateClient(), new Random(7));

    public static CloudWatchClient Create(LoopbackServer server, HttpClient http) =>
        CloudWatchClient.Create(TestClients.Options(o => o.EndpointUrl = server.Url), new FakeTimeProvider(), null, http, new Random(7));

    public static string MetricData(string results, string? nextToken = null) =>
        "<GetMetricDataResponse xmlns=\"" + Namespace + "\">\n  <GetMetricDataResult>\n    <MetricDataResults>" + results + "</MetricDataResults>\n" +
        (nextToken is null ? "" : "    <NextToken>" + nextToken + "</NextToken>\n") +
        "    <Messages/>\n  </GetMetricDataResult>\n  <ResponseMetadata><RequestId>cw-req</RequestId></ResponseMetadata>\n</GetMetricDataResponse>";

    public static string Alarms(string metricAlarms, string? nextToken = null, string compositeAlarms = "") =>
        "<DescribeAlarmsResponse xmlns=\"" + Namespace + "\"><DescribeAlarmsResult><CompositeAlarms>" + compositeAlarms + "</CompositeAlarms><MetricAlarms>" + metricAlarms + "</MetricAlarms>" +
        (nextToken is null ? "" : "<NextToken>" + nextToken + "</NextToken>") +
        "</DescribeAlarmsResult><ResponseMetadata><RequestId>cw-req</RequestId></ResponseMetadata></DescribeAlarmsResponse>";

    public static string Alarm(string name, string state) =>
        "<member><AlarmName>" + name + "</AlarmName><StateValue>" + state + "</StateValue></member>";

    public static string Error(string code, string message) =>
        "<ErrorResponse xmlns=\"" + Namespace + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message +
        "</Message></Error><RequestId>cw-err</RequestId></ErrorResponse>";
}
