using System.Collections.Generic;

namespace RotationOps.Sandbox.Metrics;

/// <summary>Publishes every datum to several sinks: the CloudWatch twin, and a test's recorder when one is configured.</summary>
internal sealed class FanOutMetricSink(IReadOnlyList<IMetricSink> sinks) : IMetricSink
{
    public void Put(MetricDatum datum)
    {
        foreach (var sink in sinks)
        {
            sink.Put(datum);
        }
    }
}
