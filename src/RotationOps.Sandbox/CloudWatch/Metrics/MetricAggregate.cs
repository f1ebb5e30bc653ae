using System;
using RotationOps.Sandbox.Metrics;

namespace RotationOps.Sandbox.CloudWatch.Metrics;

/// <summary>
/// SampleCount, Sum, Minimum and Maximum of the values in one bucket: enough to answer every
/// statistic the Sandbox computes, and mergeable, so any period is built from stored buckets.
/// </summary>
internal readonly record struct MetricAggregate(double SampleCount, double Sum, double Minimum, double Maximum)
{
    public static MetricAggregate From(StatisticValues values) => new(values.SampleCount, values.Sum, values.Minimum, values.Maximum);

    public MetricAggregate Merge(MetricAggregate other) => new(
        SampleCount + other.SampleCount,
        Sum + other.Sum,
        Math.Min(Minimum, other.Minimum),
        Math.Max(Maximum, other.Maximum));
}
