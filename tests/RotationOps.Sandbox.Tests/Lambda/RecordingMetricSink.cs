using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.Metrics;

namespace RotationOps.Sandbox.Tests.Lambda;

/// <summary>A fake CloudWatch: keeps every datum published, for assertions on names, dimensions and values.</summary>
internal sealed class RecordingMetricSink : IMetricSink
{
    private readonly object gate = new();
    private readonly List<MetricDatum> data = new();

    public IReadOnlyList<MetricDatum> Data
    {
        get
        {
            lock (gate)
            {
                return data.ToList();
            }
        }
    }

    public void Put(MetricDatum datum)
    {
        lock (gate)
        {
            data.Add(datum);
        }
    }

    /// <summary>The data of one metric whose dimensions are exactly <paramref name="dimensions"/>.</summary>
    public IReadOnlyList<MetricDatum> Series(string metricName, params (string Name, string Value)[] dimensions) =>
        Data.Where(d => d.MetricName == metricName
                && d.Dimensions.Count == dimensions.Length
                && dimensions.All(x => d.Dimensions.TryGetValue(x.Name, out var value) && value == x.Value))
            .ToList();

    /// <summary>The Sum over a series, e.g. how many invocations it counted.</summary>
    public double Sum(string metricName, params (string Name, string Value)[] dimensions) => Series(metricName, dimensions).Sum(d => d.Values.Sum);
}
