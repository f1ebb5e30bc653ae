using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.Metrics;

namespace RotationOps.Sandbox.CloudWatch.Metrics;

/// <summary>
/// CloudWatch's metric data: what PutMetricData and the simulated services (through
/// <see cref="IMetricSink"/>) publish, and what GetMetricData, GetMetricStatistics and alarms read.
/// Queries match dimensions exactly. Thread-safe.
/// </summary>
public sealed class MetricStore : IMetricSink
{
    private readonly Dictionary<MetricIdentity, MetricSeries> series = new();
    private readonly TimeProvider clock;
    private TimeSpan metricDelay;
    private MetricDataFailure? readFailure;

    internal MetricStore(TimeProvider clock, TimeSpan metricDelay)
    {
        this.clock = clock;
        MetricDelay = metricDelay;
    }

    /// <summary>
    /// How long after its timestamp a data point becomes visible to queries and alarms, as
    /// CloudWatch's data can arrive minutes late. Zero (the default) shows data at once.
    /// </summary>
    public TimeSpan MetricDelay
    {
        get
        {
            lock (Gate)
            {
                return metricDelay;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (Gate)
            {
                metricDelay = value;
            }
        }
    }

    /// <summary>
    /// While set, GetMetricData answers the matching results with this status and message and no
    /// points, as CloudWatch does when it fails or is denied a read; null (the default) answers normally.
    /// </summary>
    public MetricDataFailure? ReadFailure
    {
        get
        {
            lock (Gate)
            {
                return readFailure;
            }
        }

        set
        {
            lock (Gate)
            {
                readFailure = value;
            }
        }
    }

    /// <summary>Every metric that has data, whether or not it is visible yet.</summary>
    public IReadOnlyList<MetricIdentity> Metrics
    {
        get
        {
            lock (Gate)
            {
                return series.Keys.ToList();
            }
        }
    }

    /// <summary>The one lock over metrics and alarms: alarm evaluation must see data and states together.</summary>
    internal object Gate { get; } = new();

    /// <summary>Stores one data point (already aggregated, as PutMetricData's StatisticValues).</summary>
    public void Put(MetricDatum datum)
    {
        ArgumentNullException.ThrowIfNull(datum);
        var metric = new MetricIdentity(datum.Namespace, datum.MetricName, datum.Dimensions);
        lock (Gate)
        {
            Add(metric, datum);
        }
    }

    /// <summary>
    /// Per-period statistics of <paramref name="metric"/> over [<paramref name="start"/>, <paramref name="end"/>)
    /// in periods of <paramref name="period"/> from <paramref name="start"/>, as a query made now would see
    /// them; only data published with <paramref name="unit"/> counts (null: all).
    /// </summary>
    public IReadOnlyList<MetricPeriodStatistics> GetStatistics(MetricIdentity metric, DateTimeOffset start, DateTimeOffset end, TimeSpan period, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, TimeSpan.FromSeconds(1));
        lock (Gate)
        {
            return Query(metric, start, end, period, unit, clock.GetUtcNow());
        }
    }

    /// <summary>Stores a batch atomically.</summary>
    internal void Put(IReadOnlyList<MetricDatum> data)
    {
        var metrics = data.Select(d => new MetricIdentity(d.Namespace, d.MetricName, d.Dimensions)).ToList();
        lock (Gate)
        {
            for (var i = 0; i < data.Count; i++)
            {
                Add(metrics[i], data[i]);
            }
        }
    }

    /// <summary>The start of the latest bucket holding data of the metric, visible yet or not; null when it has none. The caller holds <see cref="Gate"/>.</summary>
    internal DateTimeOffset? LastDataAt(MetricIdentity metric) =>
        series.TryGetValue(metric, out var data) ? DateTimeOffset.FromUnixTimeSeconds(data.LastBucket) : null;

    /// <summary>Periods of [start, end) as seen at <paramref name="visibleAt"/>; the caller holds <see cref="Gate"/>.</summary>
    internal IReadOnlyList<MetricPeriodStatistics> Query(MetricIdentity metric, DateTimeOffset start, DateTimeOffset end, TimeSpan period, string? unit, DateTimeOffset visibleAt)
    {
        if (!series.TryGetValue(metric, out var data))
        {
            return [];
        }

        var visibleThrough = metricDelay == TimeSpan.Zero ? long.MaxValue : (visibleAt - metricDelay).ToUnixTimeSeconds();
        return data.Query(start.ToUnixTimeSeconds(), end.ToUnixTimeSeconds(), (long)period.TotalSeconds, unit, visibleThrough);
    }

    private void Add(MetricIdentity metric, MetricDatum datum)
    {
        if (datum.Values.SampleCount <= 0)
        {
            return;
        }

        if (!series.TryGetValue(metric, out var target))
        {
            target = new MetricSeries();
            series[metric] = target;
        }

        var resolution = datum.StorageResolution < 60 ? 1 : 60;
        var second = datum.Timestamp.ToUnixTimeSeconds();
        var bucket = second - (((second % resolution) + resolution) % resolution);
        target.Add(bucket, string.IsNullOrEmpty(datum.Unit) ? StandardUnits.None : datum.Unit, MetricAggregate.From(datum.Values));
    }
}
