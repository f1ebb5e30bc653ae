using System;
using System.Collections.Generic;
using System.Linq;

namespace RotationOps.Sandbox.CloudWatch.Metrics;

/// <summary>
/// The stored data of one metric: per unit, buckets keyed by epoch second (a whole minute for
/// standard resolution, a second for high resolution), kept sorted so a time range is a binary
/// search plus a scan of just the buckets inside it.
/// </summary>
internal sealed class MetricSeries
{
    private readonly Dictionary<string, SortedList<long, MetricAggregate>> byUnit = new(StringComparer.Ordinal);

    /// <summary>The latest bucket holding data of any unit, visible yet or not.</summary>
    public long LastBucket { get; private set; } = long.MinValue;

    public void Add(long bucket, string unit, MetricAggregate value)
    {
        LastBucket = Math.Max(LastBucket, bucket);
        if (!byUnit.TryGetValue(unit, out var timeline))
        {
            timeline = new SortedList<long, MetricAggregate>();
            byUnit[unit] = timeline;
        }

        timeline[bucket] = timeline.TryGetValue(bucket, out var existing) ? existing.Merge(value) : value;
    }

    /// <summary>
    /// Aggregates the buckets in [<paramref name="start"/>, <paramref name="end"/>) (epoch seconds) into
    /// periods of <paramref name="period"/> seconds starting at <paramref name="start"/>; periods without
    /// data are left out. Only data published with <paramref name="unit"/> counts (null: every unit), and
    /// only buckets up to <paramref name="visibleThrough"/> (the metric delay).
    /// </summary>
    public IReadOnlyList<MetricPeriodStatistics> Query(long start, long end, long period, string? unit, long visibleThrough)
    {
        var limit = Math.Min(end, visibleThrough == long.MaxValue ? long.MaxValue : visibleThrough + 1);
        var periods = new Dictionary<long, (MetricAggregate Aggregate, string Unit)>();
        foreach (var (timelineUnit, timeline) in byUnit)
        {
            if (unit is not null && !string.Equals(unit, timelineUnit, StringComparison.Ordinal))
            {
                continue;
            }

            var keys = timeline.Keys;
            var values = timeline.Values;
            for (var i = LowerBound(keys, start); i < keys.Count && keys[i] < limit; i++)
            {
                var index = (keys[i] - start) / period;
                periods[index] = periods.TryGetValue(index, out var sofar)
                    ? (sofar.Aggregate.Merge(values[i]), sofar.Unit == timelineUnit ? timelineUnit : StandardUnits.None)
                    : (values[i], timelineUnit);
            }
        }

        return periods.OrderBy(p => p.Key)
            .Select(p => new MetricPeriodStatistics(
                DateTimeOffset.FromUnixTimeSeconds(start + (p.Key * period)),
                p.Value.Aggregate.SampleCount,
                p.Value.Aggregate.Sum,
                p.Value.Aggregate.Minimum,
                p.Value.Aggregate.Maximum,
                p.Value.Unit))
            .ToList();
    }

    private static int LowerBound(IList<long> keys, long value)
    {
        int low = 0, high = keys.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (keys[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
