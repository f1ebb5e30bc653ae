using System.Collections.Generic;

namespace RotationOps.Engine.CloudWatch;

/// <summary>One MetricStat query (Expression queries are not used by RotationOps).</summary>
public sealed class MetricDataQuery
{
    /// <summary>Lower-case start, letters/digits/underscore: CloudWatch's Id rule.</summary>
    public string Id { get; set; } = "";
    public string Namespace { get; set; } = "";
    public string MetricName { get; set; } = "";
    /// <summary>Must match the stored dimension set exactly.</summary>
    public IReadOnlyDictionary<string, string> Dimensions { get; set; } = new Dictionary<string, string>();
    public int PeriodSeconds { get; set; } = 60;
    /// <summary>Sum, Average, SampleCount, Minimum, Maximum or pNN.</summary>
    public string Stat { get; set; } = "Sum";
}
