using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>
/// StateReason and StateReasonData worded as CloudWatch words them, e.g.
/// "Threshold Crossed: 1 datapoint [5.0 (22/11/26 10:01:00)] was greater than the threshold (1.0)."
/// (the form for alarms without DatapointsToAlarm) or "... 2 out of the last 3 datapoints [...] were
/// greater than the threshold (1.0) (minimum 2 datapoints for OK -> ALARM transition)."
/// Numbers are printed the way CloudWatch's Java service prints doubles (5.0, not 5).
/// </summary>
internal static class AlarmStateReason
{
    /// <summary>All periods missing (TreatMissingData missing): "Insufficient Data: 3 datapoints were unknown."</summary>
    public static (string Reason, string Data) Insufficient(AlarmDefinition definition, IReadOnlyList<EvaluatedDatapoint> points, DateTimeOffset queryDate) =>
        ($"Insufficient Data: {Count(points.Count, "datapoint")} {(points.Count == 1 ? "was" : "were")} unknown.",
            Data(definition, points, queryDate, withStartDate: false));

    /// <summary>The reason for entering ALARM (<paramref name="toAlarm"/>) or OK after a threshold test over <paramref name="points"/> (oldest first).</summary>
    public static (string Reason, string Data) ThresholdCrossed(AlarmDefinition definition, IReadOnlyList<EvaluatedDatapoint> points, bool toAlarm, DateTimeOffset queryDate)
    {
        var listed = points
            .Where(p => p.Value is { } value && AlarmComparison.Breaches(definition.ComparisonOperator, value, definition.Threshold) == toAlarm)
            .Reverse()
            .ToList();
        var data = Data(definition, points, queryDate, withStartDate: true);
        var missing = points.Count(p => p.Value is null);
        if (listed.Count == 0)
        {
            return ($"Threshold Crossed: no datapoints were received for {Count(missing, "period")} and {Count(missing, "missing datapoint")} "
                + $"{(missing == 1 ? "was" : "were")} treated as [{(toAlarm ? "Breaching" : "NonBreaching")}].", data);
        }

        var values = string.Join(", ", listed.Select(p => $"{Number(p.Value!.Value)} ({p.Timestamp.UtcDateTime.ToString("dd/MM/yy HH:mm:ss", CultureInfo.InvariantCulture)})"));
        var verb = listed.Count == 1 ? "was" : "were";
        var comparison = (toAlarm ? string.Empty : "not ") + AlarmComparison.Phrase(definition.ComparisonOperator);
        var threshold = Number(definition.Threshold);
        if (definition.DatapointsToAlarm is not { } toAlarmCount)
        {
            return ($"Threshold Crossed: {Count(listed.Count, "datapoint")} [{values}] {verb} {comparison} the threshold ({threshold}).", data);
        }

        var minimum = toAlarm ? toAlarmCount : definition.EvaluationPeriods - toAlarmCount + 1;
        var transition = toAlarm ? "OK -> ALARM" : "ALARM -> OK";
        return ($"Threshold Crossed: {listed.Count} out of the last {points.Count} datapoints [{values}] {verb} {comparison} the threshold ({threshold}) "
            + $"(minimum {Count(minimum, "datapoint")} for {transition} transition).", data);
    }

    /// <summary>Java's Double.toString for the values alarms see: integral values keep a ".0".</summary>
    public static string Number(double value) =>
        Math.Abs(value) < 1e7 && value == Math.Floor(value)
            ? value.ToString("0.0", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";

    private static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    /// <summary>StateReasonData: the machine-readable record of the evaluation (newest evaluated period first).</summary>
    private static string Data(AlarmDefinition definition, IReadOnlyList<EvaluatedDatapoint> points, DateTimeOffset queryDate, bool withStartDate)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("version", "1.0");
            json.WriteString("queryDate", Date(queryDate));
            if (withStartDate)
            {
                json.WriteString("startDate", Date(points[0].Timestamp));
            }

            json.WriteString("statistic", definition.Statistic.ToString());
            json.WriteNumber("period", (long)definition.Period.TotalSeconds);
            json.WriteStartArray("recentDatapoints");
            foreach (var point in points.Where(p => p.Value is not null))
            {
                json.WriteRawValue(Number(point.Value!.Value));
            }

            json.WriteEndArray();
            json.WritePropertyName("threshold");
            json.WriteRawValue(Number(definition.Threshold));
            json.WriteStartArray("evaluatedDatapoints");
            foreach (var point in points.Reverse())
            {
                json.WriteStartObject();
                json.WriteString("timestamp", Date(point.Timestamp));
                if (point.Value is { } value)
                {
                    json.WritePropertyName("sampleCount");
                    json.WriteRawValue(Number(point.SampleCount));
                    json.WritePropertyName("value");
                    json.WriteRawValue(Number(value));
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
