using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml.Linq;
using RotationOps.Sandbox.CloudWatch.Alarms;

namespace RotationOps.Sandbox.Tests.CloudWatch;

/// <summary>
/// Composite alarms over awsQuery: they follow their children's states (forced or evaluated from
/// metrics) with AWS's StateReason, DescribeAlarms returns them only when AlarmTypes asks, and
/// PutCompositeAlarm and DeleteAlarms refuse what AWS refuses.
/// </summary>
public sealed class CompositeAlarmTests
{
    private static readonly DateTimeOffset Start = CloudWatchSandbox.Start;
    private static readonly XNamespace Ns = CloudWatchHttp.Xmlns;

    [Fact]
    public async Task A_composite_is_evaluated_at_once_and_goes_into_ALARM_when_a_child_does_naming_the_child()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        var http = new CloudWatchHttp(sandbox);
        await http.PutAlarmAsync("orders-api-errors", threshold: 1);
        await http.PutAlarmAsync("orders-api-throttles", threshold: 1, metricName: "Throttles");
        await http.QueryAsync("PutCompositeAlarm", ("AlarmName", "orders-api-health"),
            ("AlarmRule", "ALARM(\"orders-api-errors\") OR ALARM(orders-api-throttles)"));

        var created = sandbox.CloudWatch.FindCompositeAlarm("orders-api-health")!;
        Assert.Equal((AlarmStates.Ok, Start), (created.StateValue, created.StateUpdatedTimestamp));

        CloudWatchSandbox.PutLambda(sandbox, "Errors", Start.AddMinutes(1), 5, dimensions: ("FunctionName", "orders-api"));
        sandbox.Clock.Advance(TimeSpan.FromSeconds(150));

        var raised = sandbox.CloudWatch.FindCompositeAlarm("orders-api-health")!;
        Assert.Equal(AlarmStates.Alarm, raised.StateValue);
        Assert.Equal(Start.AddMinutes(2), raised.StateUpdatedTimestamp);
        Assert.Equal("arn:aws:cloudwatch:us-east-1:123456789012:alarm:orders-api-errors transitioned to ALARM at Sunday 22 November, 2026 10:02:00 UTC",
            raised.StateReason);
        var trigger = JsonDocument.Parse(raised.StateReasonData!).RootElement.GetProperty("triggeringAlarms")[0];
        Assert.Equal("arn:aws:cloudwatch:us-east-1:123456789012:alarm:orders-api-errors", trigger.GetProperty("arn").GetString());
        Assert.Equal(("ALARM", "2026-11-22T10:02:00.000+0000"),
            (trigger.GetProperty("state").GetProperty("value").GetString(), trigger.GetProperty("state").GetProperty("timestamp").GetString()));
    }

    [Fact]
    public async Task Forcing_a_child_moves_the_composite_and_a_nested_composite_follows_it()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        var http = new CloudWatchHttp(sandbox);
        await http.PutAlarmAsync("errors", threshold: 1);
        await http.QueryAsync("PutCompositeAlarm", ("AlarmName", "errors-but-not-deploying"), ("AlarmRule", "ALARM(errors) AND NOT TRUE"));
        await http.QueryAsync("PutCompositeAlarm", ("AlarmName", "errors-composite"), ("AlarmRule", "ALARM(errors)"));
        await http.QueryAsync("PutCompositeAlarm", ("AlarmName", "page-someone"), ("AlarmRule", "ALARM(errors-composite)"));

        await http.QueryAsync("SetAlarmState", ("AlarmName", "errors"), ("StateValue", "ALARM"), ("StateReason", "drill"));

        Assert.Equal(AlarmStates.Alarm, sandbox.CloudWatch.FindCompositeAlarm("errors-composite")!.StateValue);
        Assert.Equal(AlarmStates.Ok, sandbox.CloudWatch.FindCompositeAlarm("errors-but-not-deploying")!.StateValue);
        var top = sandbox.CloudWatch.FindCompositeAlarm("page-someone")!;
        Assert.Equal(AlarmStates.Alarm, top.StateValue);
        Assert.StartsWith("arn:aws:cloudwatch:us-east-1:123456789012:alarm:errors-composite transitioned to ALARM", top.StateReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeAlarms_returns_composites_only_when_AlarmTypes_asks_for_them()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        var http = new CloudWatchHttp(sandbox);
        await http.PutAlarmAsync("errors", threshold: 1);
        await http.QueryAsync("PutCompositeAlarm", ("AlarmName", "health"), ("AlarmRule", "ALARM(errors)"), ("AlarmDescription", "pages the on-call"));
        (string, string)[] both = [("AlarmNames.member.1", "errors"), ("AlarmNames.member.2", "health")];

        var omitted = await http.QueryAsync("DescribeAlarms", both);
        Assert.Equal(["errors"], Names(omitted, "MetricAlarms"));
        Assert.Empty(Names(omitted, "CompositeAlarms"));

        var composites = await http.QueryAsync("DescribeAlarms", [.. both, ("AlarmTypes.member.1", "CompositeAlarm")]);
        Assert.Empty(Names(composites, "MetricAlarms"));
        Assert.Equal(["health"], Names(composites, "CompositeAlarms"));
        var health = composites.Element(Ns + "CompositeAlarms")!.Element(Ns + "member")!;
        Assert.Equal(("ALARM(errors)", "OK", "pages the on-call"),
            (health.Element(Ns + "AlarmRule")!.Value, health.Element(Ns + "StateValue")!.Value, health.Element(Ns + "AlarmDescription")!.Value));

        var all = await http.QueryAsync("DescribeAlarms", [.. both, ("AlarmTypes.member.1", "CompositeAlarm"), ("AlarmTypes.member.2", "MetricAlarm")]);
        Assert.Equal(["errors"], Names(all, "MetricAlarms"));
        Assert.Equal(["health"], Names(all, "CompositeAlarms"));

        var children = await http.QueryAsync("DescribeAlarms", ("ChildrenOfAlarmName", "health"), ("AlarmTypes.member.1", "MetricAlarm"));
        Assert.Equal(["errors"], Names(children, "MetricAlarms"));
        var parents = await http.QueryAsync("DescribeAlarms", ("ParentsOfAlarmName", "errors"), ("AlarmTypes.member.1", "CompositeAlarm"));
        Assert.Equal(["health"], Names(parents, "CompositeAlarms"));

        var (_, unknownType) = await http.QueryFailAsync("DescribeAlarms", ("AlarmTypes.member.1", "LogAlarm"));
        Assert.Equal("InvalidParameterValue", unknownType.Element(Ns + "Code")!.Value);
    }

    [Fact]
    public async Task PutCompositeAlarm_refuses_rules_naming_missing_alarms_too_long_or_malformed()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        var http = new CloudWatchHttp(sandbox);
        await http.PutAlarmAsync("errors", threshold: 1);

        var (status, missing) = await http.QueryFailAsync("PutCompositeAlarm", ("AlarmName", "health"), ("AlarmRule", "ALARM(errors) OR ALARM(ghost)"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(("ValidationError", "Could not save the composite alarm as alarms [ghost] in the alarm rule do not exist"),
            (missing.Element(Ns + "Code")!.Value, missing.Element(Ns + "Message")!.Value));

        var rule = string.Join(" OR ", Enumerable.Repeat("ALARM(errors)", 800));
        var (_, tooLong) = await http.QueryFailAsync("PutCompositeAlarm", ("AlarmName", "health"), ("AlarmRule", rule));
        Assert.Equal("The parameter AlarmRule must not be longer than 10240 characters.", tooLong.Element(Ns + "Message")!.Value);

        var (_, malformed) = await http.QueryFailAsync("PutCompositeAlarm", ("AlarmName", "health"), ("AlarmRule", "ALARM(errors) XOR TRUE"));
        Assert.Equal("ValidationError", malformed.Element(Ns + "Code")!.Value);
        Assert.Contains("unexpected 'X' at position 15", malformed.Element(Ns + "Message")!.Value, StringComparison.Ordinal);

        var (_, taken) = await http.QueryFailAsync("PutCompositeAlarm", ("AlarmName", "errors"), ("AlarmRule", "TRUE"));
        Assert.Equal("InvalidParameterCombination", taken.Element(Ns + "Code")!.Value);
        Assert.Null(sandbox.CloudWatch.FindCompositeAlarm("health"));
    }

    [Fact]
    public async Task DeleteAlarms_keeps_a_child_a_composite_names_and_deletes_both_kinds_together()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        var http = new CloudWatchHttp(sandbox);
        await http.PutAlarmAsync("errors", threshold: 1);
        await http.QueryAsync("PutCompositeAlarm", ("AlarmName", "health"), ("AlarmRule", "ALARM(errors)"));
        await http.QueryAsync("PutCompositeAlarm", ("AlarmName", "other"), ("AlarmRule", "FALSE"));

        var (_, inUse) = await http.QueryFailAsync("DeleteAlarms", ("AlarmNames.member.1", "errors"));
        Assert.Contains("health", inUse.Element(Ns + "Message")!.Value, StringComparison.Ordinal);
        var (_, twoComposites) = await http.QueryFailAsync("DeleteAlarms", ("AlarmNames.member.1", "health"), ("AlarmNames.member.2", "other"));
        Assert.Equal("ValidationError", twoComposites.Element(Ns + "Code")!.Value);
        Assert.NotNull(sandbox.CloudWatch.FindAlarm("errors"));

        await http.QueryAsync("DeleteAlarms", ("AlarmNames.member.1", "errors"), ("AlarmNames.member.2", "health"));
        Assert.Null(sandbox.CloudWatch.FindAlarm("errors"));
        Assert.Null(sandbox.CloudWatch.FindCompositeAlarm("health"));
        Assert.NotNull(sandbox.CloudWatch.FindCompositeAlarm("other"));
    }

    private static string[] Names(XElement result, string list) =>
        result.Element(Ns + list)!.Elements(Ns + "member").Select(m => m.Element(Ns + "AlarmName")!.Value).ToArray();
}
