using System;
using System.Collections.Generic;

namespace RotationOps.Engine.CloudWatch;

/// <summary>One data point for PutMetricData: a single value at a time, with its dimensions and unit.</summary>
public sealed class MetricDatum
{
    public string MetricName { get; set; } = "";
    /// <summary>An alarm sees the point only when it names exactly this dimension set.</summary>
    public IReadOnlyDictionary<string, string> Dimensions { get; set; } = new Dictionary<string, string>();
    public double Value { get; set; }
    /// <summary>A CloudWatch StandardUnit: Count, Seconds, ...</summary>
    public string Unit { get; set; } = "None";
    public DateTimeOffset Timestamp { get; set; }
}
