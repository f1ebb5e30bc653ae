using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using RotationOps.Sandbox.CloudWatch.Metrics;
using RotationOps.Sandbox.Metrics;
using RotationOps.Sandbox.Time;

namespace RotationOps.Sandbox.Tests.CloudWatch;

/// <summary>The metric store: exact dimension matching, per-period statistics, units, delay, resolution and volume.</summary>
public sealed class MetricStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = CloudWatchSandbox.Start;
    private readonly VirtualClock clock = new(Start);
    private readonly MetricStore store;

    public MetricStoreTests() => store = new MetricStore(clock, TimeSpan.Zero);

    public void Dispose() => clock.Dispose();

    [Fact]
    public void A_query_sees_only_the_series_with_exactly_its_dimensions()
    {
        Put("Errors", Start, 1, ("FunctionName", "orders"));
        Put("Errors", Start, 10, ("FunctionName", "orders"), ("Resource", "orders:live"));
        Put("Errors", Start, 100, ("Resource", "orders:live"), ("FunctionName", "orders"), ("ExecutedVersion", "7"));

        Assert.Equal(1, Sum("Errors", ("FunctionName", "orders")));
        Assert.Equal(10, Sum("Errors", ("Resource", "orders:live"), ("FunctionName", "orders")));
        Assert.Equal(100, Sum("Errors", ("FunctionName", "orders"), ("Resource", "orders:live"), ("ExecutedVersion", "7")));
        Assert.Equal(0, Sum("Errors", ("FunctionName", "other")));
        Assert.Equal(0, Sum("Errors"));
        Assert.Equal(3, store.Metrics.Count);
    }

    [Fact]
    public void Periods_carry_every_statistic_of_the_data_inside_them()
    {
        for (var minute = 0; minute < 10; minute++)
        {
            Put("Duration", Start.AddMinutes(minute).AddSeconds(30), minute + 1, ("FunctionName", "orders"));
        }

        store.Put(new MetricDatum("AWS/Lambda", "Duration", Dims(("FunctionName", "orders")), Start.AddMinutes(9), new StatisticValues(4, 100, 20, 30), "Milliseconds"));

        var periods = store.GetStatistics(Metric("Duration", ("FunctionName", "orders")), Start, Start.AddMinutes(10), TimeSpan.FromMinutes(5));

        Assert.Equal([Start, Start.AddMinutes(5)], periods.Select(p => p.Timestamp));
        Assert.Equal((5, 15, 1, 5, 3), Stats(periods[0]));
        Assert.Equal((9, 140, 6, 30, 140 / 9.0), Stats(periods[1]));
        Assert.All(periods, p => Assert.Equal("Milliseconds", p.Unit));
    }

    [Fact]
    public void Periods_without_data_are_left_out_and_the_window_is_half_open()
    {
        Put("Invocations", Start, 1, ("FunctionName", "orders"));
        Put("Invocations", Start.AddMinutes(20), 2, ("FunctionName", "orders"));

        var periods = store.GetStatistics(Metric("Invocations", ("FunctionName", "orders")), Start, Start.AddMinutes(20), TimeSpan.FromMinutes(1));

        Assert.Equal([Start], periods.Select(p => p.Timestamp));
    }

    [Fact]
    public void A_unit_filter_picks_one_unit_and_a_mixed_period_reports_None()
    {
        store.Put(new MetricDatum("Custom", "Latency", Dims(), Start, StatisticValues.Single(2), "Seconds"));
        store.Put(new MetricDatum("Custom", "Latency", Dims(), Start, StatisticValues.Single(500), "Milliseconds"));
        var metric = new MetricIdentity("Custom", "Latency");

        Assert.Equal(500, store.GetStatistics(metric, Start, Start.AddMinutes(1), TimeSpan.FromMinutes(1), "Milliseconds").Single().Sum);
        var mixed = store.GetStatistics(metric, Start, Start.AddMinutes(1), TimeSpan.FromMinutes(1)).Single();
        Assert.Equal(("None", 502.0), (mixed.Unit, mixed.Sum));
    }

    [Fact]
    public void With_a_metric_delay_data_appears_that_long_after_its_timestamp()
    {
        store.MetricDelay = TimeSpan.FromMinutes(3);
        Put("Errors", Start.AddMinutes(1), 5, ("FunctionName", "orders"));
        var metric = Metric("Errors", ("FunctionName", "orders"));

        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Empty(store.GetStatistics(metric, Start, Start.AddMinutes(10), TimeSpan.FromMinutes(1)));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(store.GetStatistics(metric, Start, Start.AddMinutes(10), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void High_resolution_data_keeps_seconds_and_standard_resolution_keeps_minutes()
    {
        var high = new MetricIdentity("Custom", "High");
        var standard = new MetricIdentity("Custom", "Standard");
        foreach (var second in new[] { 5, 15, 25 })
        {
            store.Put(new MetricDatum("Custom", "High", Dims(), Start.AddSeconds(second), StatisticValues.Single(1), "Count") { StorageResolution = 1 });
            store.Put(new MetricDatum("Custom", "Standard", Dims(), Start.AddSeconds(second), StatisticValues.Single(1), "Count"));
        }

        Assert.Equal(3, store.GetStatistics(high, Start, Start.AddMinutes(1), TimeSpan.FromSeconds(10)).Count);
        Assert.Equal([Start], store.GetStatistics(standard, Start, Start.AddMinutes(1), TimeSpan.FromSeconds(10)).Select(p => p.Timestamp));
    }

    [Fact]
    public void Two_hundred_functions_of_Lambda_metrics_over_five_hours_store_and_query_quickly()
    {
        var watch = Stopwatch.StartNew();
        var dimensionSets = Enumerable.Range(0, 200).SelectMany(f => new[]
        {
            Dims(("FunctionName", $"fn-{f}")),
            Dims(("FunctionName", $"fn-{f}"), ("Resource", $"fn-{f}:live")),
            Dims(("FunctionName", $"fn-{f}"), ("Resource", $"fn-{f}:live"), ("ExecutedVersion", "2")),
        }).ToList();
        string[] metrics = ["Invocations", "Errors", "Throttles", "Duration"];
        for (var minute = 0; minute < 300; minute++)
        {
            var at = Start.AddMinutes(minute);
            foreach (var dimensions in dimensionSets)
            {
                foreach (var name in metrics)
                {
                    store.Put(new MetricDatum("AWS/Lambda", name, dimensions, at, new StatisticValues(60, 60, 1, 1), "Count"));
                }
            }
        }

        var stored = watch.Elapsed;
        foreach (var dimensions in dimensionSets)
        {
            var periods = store.GetStatistics(new MetricIdentity("AWS/Lambda", "Errors", dimensions), Start, Start.AddMinutes(300), TimeSpan.FromMinutes(1));
            Assert.Equal(300, periods.Count);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"stored 720,000 data points in {stored}, queried 600 five-hour series by {watch.Elapsed}");
    }

    private void Put(string name, DateTimeOffset at, double value, params (string Name, string Value)[] dimensions) =>
        store.Put(new MetricDatum("AWS/Lambda", name, Dims(dimensions), at, StatisticValues.Single(value), "Milliseconds"));

    private double Sum(string name, params (string Name, string Value)[] dimensions) =>
        store.GetStatistics(Metric(name, dimensions), Start, Start.AddMinutes(1), TimeSpan.FromMinutes(1)).Sum(p => p.Sum);

    private static MetricIdentity Metric(string name, params (string Name, string Value)[] dimensions) =>
        new("AWS/Lambda", name, Dims(dimensions));

    private static Dictionary<string, string> Dims(params (string Name, string Value)[] dimensions) =>
        dimensions.ToDictionary(d => d.Name, d => d.Value);

    private static (double SampleCount, double Sum, double Minimum, double Maximum, double Average) Stats(MetricPeriodStatistics period) =>
        (period.Value(MetricStatistic.SampleCount), period.Value(MetricStatistic.Sum), period.Value(MetricStatistic.Minimum),
            period.Value(MetricStatistic.Maximum), period.Value(MetricStatistic.Average));
}
