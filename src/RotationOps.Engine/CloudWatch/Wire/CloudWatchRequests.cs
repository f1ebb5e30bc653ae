using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RotationOps.Engine.Aws.Wire;

namespace RotationOps.Engine.CloudWatch.Wire;

/// <summary>
/// awsQuery form parameters for the CloudWatch operations: structures flattened to dotted names,
/// lists to Name.member.N counted from 1, times as ISO-8601 UTC.
/// </summary>
internal static class CloudWatchRequests
{
    /// <summary>GetMetricData's limit on queries per call.</summary>
    public const int MaxQueries = 500;

    /// <summary>PutMetricData's limit on data points per call.</summary>
    public const int MaxMetricData = 1000;

    /// <summary>DescribeAlarms' limit on AlarmNames per call; also its largest MaxRecords.</summary>
    public const int MaxAlarmNames = 100;

    public static UrlEncodedText GetMetricData(UrlEncodedText form, IReadOnlyList<MetricDataQuery> queries,
        DateTimeOffset startTime, DateTimeOffset endTime, string? nextToken)
    {
        for (int i = 0; i < queries.Count; i++)
        {
            MetricDataQuery query = queries[i];
            string prefix = "MetricDataQueries.member." + Number(i + 1) + ".";
            form.Add(prefix + "Id", query.Id)
                .Add(prefix + "MetricStat.Metric.Namespace", query.Namespace)
                .Add(prefix + "MetricStat.Metric.MetricName", query.MetricName);
            // Sorted so the same query always produces the same request; CloudWatch matches the set, not the order.
            int d = 0;
            foreach (KeyValuePair<string, string> dimension in query.Dimensions.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                string dimensionPrefix = prefix + "MetricStat.Metric.Dimensions.member." + Number(++d) + ".";
                form.Add(dimensionPrefix + "Name", dimension.Key).Add(dimensionPrefix + "Value", dimension.Value);
            }
            form.Add(prefix + "MetricStat.Period", Number(query.PeriodSeconds))
                .Add(prefix + "MetricStat.Stat", query.Stat)
                .Add(prefix + "ReturnData", "true");
        }
        return form.Add("StartTime", Timestamp(startTime)).Add("EndTime", Timestamp(endTime)).Add("NextToken", nextToken);
    }

    public static UrlEncodedText PutMetricData(UrlEncodedText form, string metricNamespace, IReadOnlyList<MetricDatum> data)
    {
        form.Add("Namespace", metricNamespace);
        for (int i = 0; i < data.Count; i++)
        {
            MetricDatum datum = data[i];
            string prefix = "MetricData.member." + Number(i + 1) + ".";
            form.Add(prefix + "MetricName", datum.MetricName);
            int d = 0;
            foreach (KeyValuePair<string, string> dimension in datum.Dimensions.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                string dimensionPrefix = prefix + "Dimensions.member." + Number(++d) + ".";
                form.Add(dimensionPrefix + "Name", dimension.Key).Add(dimensionPrefix + "Value", dimension.Value);
            }
            form.Add(prefix + "Timestamp", Timestamp(datum.Timestamp))
                .Add(prefix + "Value", datum.Value.ToString("R", CultureInfo.InvariantCulture))
                .Add(prefix + "Unit", datum.Unit);
        }
        return form;
    }

    /// <summary>
    /// Both alarm types are asked for: without AlarmTypes CloudWatch returns metric alarms only, and a
    /// composite alarm named by -Alarm would look missing.
    /// </summary>
    public static UrlEncodedText DescribeAlarms(UrlEncodedText form, IReadOnlyList<string> alarmNames, string? nextToken)
    {
        for (int i = 0; i < alarmNames.Count; i++) form.Add("AlarmNames.member." + Number(i + 1), alarmNames[i]);
        return BothAlarmTypes(form).Add("MaxRecords", Number(MaxAlarmNames)).Add("NextToken", nextToken);
    }

    public static UrlEncodedText DescribeAlarmsByPrefix(UrlEncodedText form, string alarmNamePrefix, int maxRecords) =>
        BothAlarmTypes(form.Add("AlarmNamePrefix", alarmNamePrefix.Length == 0 ? null : alarmNamePrefix)).Add("MaxRecords", Number(maxRecords));

    private static UrlEncodedText BothAlarmTypes(UrlEncodedText form) =>
        form.Add("AlarmTypes.member.1", "CompositeAlarm").Add("AlarmTypes.member.2", "MetricAlarm");

    /// <summary>2025-03-01T12:00:00Z, with milliseconds only when there are any.</summary>
    private static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
