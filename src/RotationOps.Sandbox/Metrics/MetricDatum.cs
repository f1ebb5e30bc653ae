using System;
using System.Collections.Generic;

namespace RotationOps.Sandbox.Metrics;

/// <summary>
/// One published data point, as PutMetricData's StatisticValues form carries it, so a minute of
/// simulated traffic (say 600 invocations) is one datum rather than 600.
/// </summary>
/// <remarks>
/// Dimensions are matched exactly by queries: {FunctionName}, {FunctionName, Resource} and
/// {FunctionName, Resource, ExecutedVersion} are three different series.
/// </remarks>
public sealed record MetricDatum(
    string Namespace,
    string MetricName,
    IReadOnlyDictionary<string, string> Dimensions,
    DateTimeOffset Timestamp,
    StatisticValues Values,
    string Unit)
{
    /// <summary>1 for a high-resolution metric (kept per second), 60 (the default) for standard resolution (kept per minute).</summary>
    public int StorageResolution { get; init; } = 60;
}

/// <summary>SampleCount, Sum, Minimum and Maximum of the values aggregated in one datum.</summary>
public sealed record StatisticValues(double SampleCount, double Sum, double Minimum, double Maximum)
{
    public static StatisticValues Single(double value) => new(1, value, value, value);
}
