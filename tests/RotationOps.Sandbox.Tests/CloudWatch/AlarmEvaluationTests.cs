using System;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using RotationOps.Sandbox.CloudWatch;
using RotationOps.Sandbox.CloudWatch.Alarms;

namespace RotationOps.Sandbox.Tests.CloudWatch;

/// <summary>
/// Alarms evaluated against stored metrics on the virtual clock: states, AWS's StateReason wording,
/// M of N, missing data, SetAlarmState overrides and late data. The clock starts at 22/11/26 10:00.
/// </summary>
public sealed class AlarmEvaluationTests
{
    private static readonly DateTimeOffset Start = CloudWatchSandbox.Start;

    [Fact]
    public async Task A_new_alarm_is_unchecked_and_stays_INSUFFICIENT_DATA_without_data()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        await new CloudWatchHttp(sandbox).PutAlarmAsync("errors", threshold: 1);

        var created = sandbox.CloudWatch.FindAlarm("errors")!;
        Assert.Equal((AlarmStates.InsufficientData, "Unchecked: Initial alarm creation", Start), (created.StateValue, created.StateReason, created.StateUpdatedTimestamp));
        Assert.Null(created.StateReasonData);

        sandbox.Clock.Advance(TimeSpan.FromMinutes(10));
        var later = sandbox.CloudWatch.FindAlarm("errors")!;
        Assert.Equal((AlarmStates.InsufficientData, Start), (later.StateValue, later.StateUpdatedTimestamp));
    }

    [Fact]
    public async Task A_breaching_minute_raises_the_alarm_at_the_next_evaluation_with_AWS_wording()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        await new CloudWatchHttp(sandbox).PutAlarmAsync("errors", threshold: 1);
        CloudWatchSandbox.PutLambda(sandbox, "Errors", Start.AddMinutes(1), 5, dimensions: ("FunctionName", "orders-api"));

        sandbox.Clock.Advance(TimeSpan.FromSeconds(150));

        var alarm = sandbox.CloudWatch.FindAlarm("errors")!;
        Assert.Equal(AlarmStates.Alarm, alarm.StateValue);
        Assert.Equal("Threshold Crossed: 1 datapoint [5.0 (22/11/26 10:01:00)] was greater than the threshold (1.0).", alarm.StateReason);
        Assert.Equal(Start.AddMinutes(2), alarm.StateUpdatedTimestamp);
        var data = JsonDocument.Parse(alarm.StateReasonData!).RootElement;
        Assert.Equal("2026-11-22T10:02:00.000+0000", data.GetProperty("queryDate").GetString());
        Assert.Equal("2026-11-22T10:01:00.000+0000", data.GetProperty("startDate").GetString());
        Assert.Equal("Sum", data.GetProperty("statistic").GetString());
        Assert.Equal(5.0, data.GetProperty("recentDatapoints")[0].GetDouble());
        Assert.Contains("\"threshold\":1.0", alarm.StateReasonData, StringComparison.Ordinal);
    }

    [Fact]
    public async Task States_replay_at_the_instants_they_changed_when_the_clock_skips_ahead()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        var http = new CloudWatchHttp(sandbox);
        await http.PutAlarmAsync("missing", threshold: 1);
        await http.PutAlarmAsync("not-breaching", threshold: 1, treatMissingData: "notBreaching");
        CloudWatchSandbox.PutLambda(sandbox, "Errors", Start.AddMinutes(4), 5, dimensions: ("FunctionName", "orders-api"));

        sandbox.Clock.Advance(TimeSpan.FromMinutes(30));

        var missing = sandbox.CloudWatch.FindAlarm("missing")!;
        Assert.Equal((AlarmStates.InsufficientData, "Insufficient Data: 1 datapoint was unknown.", Start.AddMinutes(6)),
            (missing.StateValue, missing.StateReason, missing.StateUpdatedTimestamp));
        var notBreaching = sandbox.CloudWatch.FindAlarm("not-breaching")!;
        Assert.Equal(AlarmStates.Ok, notBreaching.StateValue);
        Assert.Equal("Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [NonBreaching].", notBreaching.StateReason);
        Assert.Equal(Start.AddMinutes(6), notBreaching.StateTransitionedTimestamp);
    }

    [Fact]
    public async Task An_M_out_of_N_alarm_counts_breaching_datapoints_and_says_so()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        await new CloudWatchHttp(sandbox).PutAlarmAsync("m-of-n", threshold: 1, evaluationPeriods: 3, datapointsToAlarm: 2);
        foreach (var (minute, value) in new[] { (1, 5.0), (2, 0.0), (3, 7.0) })
        {
            CloudWatchSandbox.PutLambda(sandbox, "Errors", Start.AddMinutes(minute), value, dimensions: ("FunctionName", "orders-api"));
        }

        sandbox.Clock.Advance(TimeSpan.FromMinutes(4));

        var alarm = sandbox.CloudWatch.FindAlarm("m-of-n")!;
        Assert.Equal(AlarmStates.Alarm, alarm.StateValue);
        Assert.Equal(
            "Threshold Crossed: 2 out of the last 3 datapoints [7.0 (22/11/26 10:03:00), 5.0 (22/11/26 10:01:00)] were greater than the threshold (1.0) "
            + "(minimum 2 datapoints for OK -> ALARM transition).",
            alarm.StateReason);
    }

    [Fact]
    public async Task A_healthy_metric_puts_the_alarm_in_OK()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        await new CloudWatchHttp(sandbox).PutAlarmAsync("latency", threshold: 250, metricName: "Duration", statistic: "Average");
        CloudWatchSandbox.PutLambda(sandbox, "Duration", Start.AddMinutes(1), 120.5, "Milliseconds", ("FunctionName", "orders-api"));

        sandbox.Clock.Advance(TimeSpan.FromMinutes(2));

        var alarm = sandbox.CloudWatch.FindAlarm("latency")!;
        Assert.Equal((AlarmStates.Ok, "Threshold Crossed: 1 datapoint [120.5 (22/11/26 10:01:00)] was not greater than the threshold (250.0)."),
            (alarm.StateValue, alarm.StateReason));
    }

    [Fact]
    public async Task Missing_data_treated_as_breaching_raises_the_alarm_and_ignore_keeps_the_state()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        var http = new CloudWatchHttp(sandbox);
        await http.PutAlarmAsync("breaching", threshold: 1, treatMissingData: "breaching");
        await http.PutAlarmAsync("ignore", threshold: 1, treatMissingData: "ignore");
        CloudWatchSandbox.PutLambda(sandbox, "Errors", Start.AddMinutes(1), 0, dimensions: ("FunctionName", "orders-api"));

        sandbox.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(AlarmStates.Ok, sandbox.CloudWatch.FindAlarm("ignore")!.StateValue);

        sandbox.Clock.Advance(TimeSpan.FromMinutes(5));
        var breaching = sandbox.CloudWatch.FindAlarm("breaching")!;
        Assert.Equal((AlarmStates.Alarm, Start.AddMinutes(3)), (breaching.StateValue, breaching.StateUpdatedTimestamp));
        Assert.Equal("Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [Breaching].", breaching.StateReason);
        Assert.Equal((AlarmStates.Ok, Start.AddMinutes(2)), (sandbox.CloudWatch.FindAlarm("ignore")!.StateValue, sandbox.CloudWatch.FindAlarm("ignore")!.StateUpdatedTimestamp));
    }

    [Fact]
    public async Task SetAlarmState_holds_until_the_next_evaluation()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        var http = new CloudWatchHttp(sandbox);
        await http.PutAlarmAsync("errors", threshold: 1);
        for (var minute = 0; minute < 10; minute++)
        {
            CloudWatchSandbox.PutLambda(sandbox, "Errors", Start.AddMinutes(minute), 0, dimensions: ("FunctionName", "orders-api"));
        }

        sandbox.Clock.Advance(TimeSpan.FromSeconds(150));
        Assert.Equal(AlarmStates.Ok, sandbox.CloudWatch.FindAlarm("errors")!.StateValue);

        await http.QueryAsync("SetAlarmState", ("AlarmName", "errors"), ("StateValue", "ALARM"), ("StateReason", "testing the pager"),
            ("StateReasonData", "{\"by\":\"test\"}"));
        var forced = sandbox.CloudWatch.FindAlarm("errors")!;
        Assert.Equal((AlarmStates.Alarm, "testing the pager", "{\"by\":\"test\"}", Start.AddSeconds(150)),
            (forced.StateValue, forced.StateReason, forced.StateReasonData, forced.StateUpdatedTimestamp));

        sandbox.Clock.Advance(TimeSpan.FromSeconds(30));
        var evaluated = sandbox.CloudWatch.FindAlarm("errors")!;
        Assert.Equal((AlarmStates.Ok, Start.AddMinutes(3)), (evaluated.StateValue, evaluated.StateUpdatedTimestamp));
        Assert.StartsWith("Threshold Crossed: 1 datapoint [0.0 (22/11/26 10:02:00)] was not greater than", evaluated.StateReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Late_data_keeps_an_alarm_blind_until_it_arrives()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync(new CloudWatchOptions { MetricDelay = TimeSpan.FromMinutes(3) });
        var http = new CloudWatchHttp(sandbox);
        await http.PutAlarmAsync("one-period", threshold: 1);
        await http.PutAlarmAsync("five-periods", threshold: 1, evaluationPeriods: 5, datapointsToAlarm: 1);
        CloudWatchSandbox.PutLambda(sandbox, "Errors", Start.AddMinutes(1), 5, dimensions: ("FunctionName", "orders-api"));

        sandbox.Clock.Advance(TimeSpan.FromSeconds(210));
        Assert.Equal(AlarmStates.InsufficientData, sandbox.CloudWatch.FindAlarm("five-periods")!.StateValue);

        sandbox.Clock.Advance(TimeSpan.FromSeconds(90));
        var wide = sandbox.CloudWatch.FindAlarm("five-periods")!;
        Assert.Equal((AlarmStates.Alarm, Start.AddMinutes(4)), (wide.StateValue, wide.StateUpdatedTimestamp));
        Assert.Equal((AlarmStates.InsufficientData, Start), (sandbox.CloudWatch.FindAlarm("one-period")!.StateValue, sandbox.CloudWatch.FindAlarm("one-period")!.StateUpdatedTimestamp));
    }

    [Fact]
    public async Task Two_hundred_alarms_catch_up_through_five_hours_of_data_quickly()
    {
        await using var sandbox = await CloudWatchSandbox.StartAsync();
        var http = new CloudWatchHttp(sandbox);
        await Task.WhenAll(Enumerable.Range(0, 200).Select(f => http.PutAlarmAsync($"errors-{f}", threshold: 5, evaluationPeriods: 3, functionName: $"fn-{f}")));
        for (var minute = 0; minute < 300; minute++)
        {
            for (var f = 0; f < 200; f++)
            {
                // Function 7 starts failing in the last hour.
                var errors = f == 7 && minute >= 240 ? 10 : 1;
                CloudWatchSandbox.PutLambda(sandbox, "Errors", Start.AddMinutes(minute), errors, dimensions: ("FunctionName", $"fn-{f}"));
            }
        }

        sandbox.Clock.Advance(TimeSpan.FromMinutes(300));
        var watch = Stopwatch.StartNew();
        var alarms = sandbox.CloudWatch.Alarms;

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"catch-up took {watch.Elapsed}");
        Assert.Equal(["errors-7"], alarms.Where(a => a.StateValue == AlarmStates.Alarm).Select(a => a.Definition.AlarmName));
        Assert.Equal(Start.AddMinutes(243), alarms.Single(a => a.Definition.AlarmName == "errors-7").StateUpdatedTimestamp);
        Assert.Equal(199, alarms.Count(a => a.StateValue == AlarmStates.Ok));
    }
}
