using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.CloudWatch.Metrics;
using RotationOps.Sandbox.Protocols;

namespace RotationOps.Sandbox.CloudWatch.Operations;

/// <summary>
/// GetMetricStatistics: the asked statistics of one metric (exact dimensions) per period, at most
/// 1440 periods. Datapoints come back in no particular order, as AWS says they do: callers that
/// assume chronological order break here as they would against AWS.
/// </summary>
internal sealed class GetMetricStatisticsOperation(MetricStore metrics) : ICloudWatchOperation
{
    private const long MaxDatapoints = 1440;
    private const string StatisticSet = "Minimum, Maximum, Average, SampleCount, Sum";

    public string Name => "GetMetricStatistics";

    public bool HasResult => true;

    public void Execute(IShapeReader input, IShapeWriter output, DateTimeOffset now)
    {
        var metric = new MetricIdentity(CloudWatchInput.Namespace(input), CloudWatchInput.RequiredString(input, "MetricName"), CloudWatchInput.Dimensions(input));
        var start = CloudWatchInput.RequiredTimestamp(input, "StartTime");
        var end = CloudWatchInput.RequiredTimestamp(input, "EndTime");
        var period = CloudWatchInput.Period(input);
        var statistics = Statistics(input);
        var unit = CloudWatchInput.Unit(input);
        if (start >= end)
        {
            throw CloudWatchErrors.StartNotBeforeEnd();
        }

        var alignedStart = MetricWindow.AlignStart(start, period, now);
        var requested = MetricWindow.PeriodCount(alignedStart, end, period);
        if (requested > MaxDatapoints)
        {
            throw CloudWatchErrors.TooManyDatapoints(requested);
        }

        var datapoints = metrics.Query(metric, alignedStart, end, period, unit, now);
        output.String("Label", metric.MetricName);
        output.StartList("Datapoints");
        foreach (var datapoint in datapoints.OrderBy(d => Scramble(d.Timestamp)))
        {
            output.StartItem();
            output.Timestamp("Timestamp", datapoint.Timestamp);
            foreach (var statistic in statistics)
            {
                output.Double(statistic.ToString(), datapoint.Value(statistic));
            }

            output.String("Unit", datapoint.Unit);
            output.EndItem();
        }

        output.EndList();
    }

    private static List<MetricStatistic> Statistics(IShapeReader input)
    {
        var names = input.StringList("Statistics");
        if (input.StringList("ExtendedStatistics") is { Count: > 0 })
        {
            throw CloudWatchErrors.NotSupportedBySandbox(input.PathOf("ExtendedStatistics"), "percentile statistics");
        }

        if (names is null || names.Count == 0)
        {
            throw CloudWatchErrors.InvalidParameterCombination("Must specify either Statistics or ExtendedStatistics.");
        }

        if (names.Count > 5)
        {
            throw CloudWatchErrors.InvalidParameterValue("The collection Statistics must not have a size greater than 5.");
        }

        return names.Select((name, i) => CloudWatchInput.Statistic(name)
                ?? throw CloudWatchErrors.ValueNotInSet($"{input.PathOf("Statistics")}.member.{i + 1}", StatisticSet))
            .Distinct()
            .ToList();
    }

    /// <summary>A fixed, non-chronological order (multiplicative hash of the period start).</summary>
    private static uint Scramble(DateTimeOffset timestamp) => unchecked((uint)timestamp.ToUnixTimeSeconds() * 2654435761u);
}
