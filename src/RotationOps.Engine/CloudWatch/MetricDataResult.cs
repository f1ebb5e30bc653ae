using System;
using System.Collections.Generic;

namespace RotationOps.Engine.CloudWatch;

public sealed class MetricDataResult
{
    public string Id { get; set; } = "";
    public string? Label { get; set; }
    public IReadOnlyList<DateTimeOffset> Timestamps { get; set; } = Array.Empty<DateTimeOffset>();
    public IReadOnlyList<double> Values { get; set; } = Array.Empty<double>();
    /// <summary>Complete, PartialData, InternalError or Forbidden.</summary>
    public string StatusCode { get; set; } = "Complete";
}
