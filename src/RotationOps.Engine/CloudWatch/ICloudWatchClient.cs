using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace RotationOps.Engine.CloudWatch;

/// <summary>
/// The CloudWatch operations RotationOps uses, spoken as awsQuery (form POST, XML answers) —
/// the protocol every AWS endpoint and emulator accepts.
/// </summary>
public interface ICloudWatchClient
{
    /// <summary>GetMetricData for up to 500 queries, following NextToken to the end.</summary>
    Task<IReadOnlyList<MetricDataResult>> GetMetricDataAsync(IReadOnlyList<MetricDataQuery> queries,
        DateTimeOffset startTime, DateTimeOffset endTime, CancellationToken cancellationToken);

    /// <summary>
    /// PutMetricData of up to 1000 points into <paramref name="metricNamespace"/>. Not resent after
    /// an ambiguous failure (a second copy would count twice); retried only when throttled.
    /// </summary>
    Task PutMetricDataAsync(string metricNamespace, IReadOnlyList<MetricDatum> data, CancellationToken cancellationToken);

    /// <summary>DescribeAlarms by name, metric and composite alarms alike (at most 100 names a call; larger lists are split).</summary>
    Task<IReadOnlyList<CloudWatchAlarm>> DescribeAlarmsAsync(IReadOnlyList<string> alarmNames, CancellationToken cancellationToken);

    /// <summary>DescribeAlarms by AlarmNamePrefix, metric and composite alarms alike: the first page only, at most <paramref name="maxRecords"/> (1–100).</summary>
    Task<IReadOnlyList<CloudWatchAlarm>> DescribeAlarmsByPrefixAsync(string alarmNamePrefix, int maxRecords, CancellationToken cancellationToken);
}
