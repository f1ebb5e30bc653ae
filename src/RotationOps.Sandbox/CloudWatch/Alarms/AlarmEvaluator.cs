using System;
using System.Linq;
using RotationOps.Sandbox.CloudWatch.Metrics;

namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>
/// Evaluates alarms against the stored metrics on the virtual clock, lazily: each request (and each
/// inspector read) first replays the evaluations that became due since the last one, so a state
/// change carries the instant it would have happened at. Like CloudWatch, an alarm evaluates once a
/// minute (every period for 10- and 30-second periods) over its last EvaluationPeriods complete
/// periods. Data counts by its timestamp, so minutes of simulated traffic generated lazily at the
/// same request are seen by the evaluations of those minutes. A state change moves the composite
/// alarms that name the alarm at the same instant. Callers hold the metric store's lock.
/// </summary>
internal sealed class AlarmEvaluator(AlarmStore alarms, MetricStore metrics, CompositeAlarmEvaluator composites)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private DateTimeOffset earliest = DateTimeOffset.MaxValue;

    /// <summary>After a creation, update or SetAlarmState: the alarm evaluates at its next tick.</summary>
    public void Reschedule(MetricAlarm alarm, DateTimeOffset now)
    {
        alarm.NextEvaluation = NextTick(now, Interval(alarm));
        earliest = alarm.NextEvaluation < earliest ? alarm.NextEvaluation : earliest;
    }

    /// <summary>Runs every evaluation due by <paramref name="now"/>.</summary>
    public void CatchUp(DateTimeOffset now)
    {
        if (earliest > now)
        {
            return;
        }

        // An evaluation window ends on a period boundary, so without a metric delay (which makes data
        // appear minute by minute) only the boundaries can change a state.
        var everyTick = metrics.MetricDelay > TimeSpan.Zero;
        var next = DateTimeOffset.MaxValue;
        foreach (var alarm in alarms.All)
        {
            while (alarm.NextEvaluation <= now)
            {
                var at = alarm.NextEvaluation;
                if (Evaluate(alarm, at))
                {
                    // No data at or after this window: every later evaluation up to now sees the same nothing.
                    var lastDue = LastTick(now, Interval(alarm));
                    at = lastDue > at ? lastDue : at;
                }

                alarm.NextEvaluation = NextTick(at, everyTick ? Interval(alarm) : alarm.Definition.Period);
            }

            next = alarm.NextEvaluation < next ? alarm.NextEvaluation : next;
        }

        earliest = next;
    }

    private static TimeSpan Interval(MetricAlarm alarm) => alarm.Definition.Period < Minute ? alarm.Definition.Period : Minute;

    /// <summary>The first multiple of <paramref name="step"/> (since the epoch) strictly after <paramref name="after"/>.</summary>
    private static DateTimeOffset NextTick(DateTimeOffset after, TimeSpan step)
    {
        var stepSeconds = (long)step.TotalSeconds;
        return DateTimeOffset.FromUnixTimeSeconds(((after.ToUnixTimeSeconds() / stepSeconds) + 1) * stepSeconds);
    }

    /// <summary>The last multiple of <paramref name="step"/> at or before <paramref name="now"/>.</summary>
    private static DateTimeOffset LastTick(DateTimeOffset now, TimeSpan step)
    {
        var stepSeconds = (long)step.TotalSeconds;
        return DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / stepSeconds * stepSeconds);
    }

    /// <summary>Evaluates at <paramref name="at"/>; true when the metric has no data at or after the evaluated window.</summary>
    private bool Evaluate(MetricAlarm alarm, DateTimeOffset at)
    {
        var definition = alarm.Definition;
        var period = (long)definition.Period.TotalSeconds;
        var end = at.ToUnixTimeSeconds() / period * period;
        var start = end - (definition.EvaluationPeriods * period);
        var stats = metrics.Query(definition.Metric, DateTimeOffset.FromUnixTimeSeconds(start), DateTimeOffset.FromUnixTimeSeconds(end),
            definition.Period, definition.Unit, at).ToDictionary(s => s.Timestamp);
        var points = Enumerable.Range(0, definition.EvaluationPeriods)
            .Select(i => DateTimeOffset.FromUnixTimeSeconds(start + (i * period)))
            .Select(timestamp => stats.TryGetValue(timestamp, out var s)
                ? new EvaluatedDatapoint(timestamp, s.Value(definition.Statistic), s.SampleCount)
                : new EvaluatedDatapoint(timestamp, null, 0))
            .ToList();

        var treatMissing = definition.TreatMissingData ?? TreatMissingData.Missing;
        var present = points.Count(p => p.Value is not null);
        var breaching = points.Count(p => p.Value is { } value && AlarmComparison.Breaches(definition.ComparisonOperator, value, definition.Threshold))
            + (treatMissing == TreatMissingData.Breaching ? points.Count - present : 0);
        var last = metrics.LastDataAt(definition.Metric);
        var nothingAhead = last is null || last.Value.ToUnixTimeSeconds() < start;

        string state;
        (string Reason, string Data) why;
        if (present == 0 && treatMissing == TreatMissingData.Missing)
        {
            state = AlarmStates.InsufficientData;
            why = AlarmStateReason.Insufficient(definition, points, at);
        }
        else if (present == 0 && treatMissing == TreatMissingData.Ignore)
        {
            return nothingAhead;
        }
        else
        {
            var toAlarm = breaching >= (definition.DatapointsToAlarm ?? definition.EvaluationPeriods);
            state = toAlarm ? AlarmStates.Alarm : AlarmStates.Ok;
            why = AlarmStateReason.ThresholdCrossed(definition, points, toAlarm, at);
        }

        if (state != alarm.StateValue)
        {
            alarm.SetState(state, why.Reason, why.Data, at);
            composites.Propagate(alarm, at);
        }

        return nothingAhead;
    }
}
