using System;

namespace RotationOps.Sandbox.CloudWatch.Metrics;

/// <summary>
/// One period's statistics, as GetMetricStatistics returns them: Timestamp is the start of the period,
/// Unit the unit the data was published with (<c>None</c> when the period mixes units).
/// </summary>
public sealed record MetricPeriodStatistics(DateTimeOffset Timestamp, double SampleCount, double Sum, double Minimum, double Maximum, string Unit)
{
    public double Average => Sum / SampleCount;

    public double Value(MetricStatistic statistic) => statistic switch
    {
        MetricStatistic.SampleCount => SampleCount,
        MetricStatistic.Average => Average,
        MetricStatistic.Sum => Sum,
        MetricStatistic.Minimum => Minimum,
        MetricStatistic.Maximum => Maximum,
        _ => throw new ArgumentOutOfRangeException(nameof(statistic), statistic, null),
    };
}
