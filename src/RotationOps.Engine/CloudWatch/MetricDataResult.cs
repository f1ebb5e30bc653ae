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
    /// <summary>CloudWatch's messages about this result, and those about the whole call.</summary>
    public IReadOnlyList<MetricDataMessage> Messages { get; set; } = Array.Empty<MetricDataMessage>();

    /// <summary>
    /// Only a Complete result may be read as the truth about its window: PartialData still left
    /// after the last page, InternalError and Forbidden carry missing or no points, and reading
    /// those as zero would turn "no data" into "no errors".
    /// </summary>
    public bool IsComplete => StatusCode == "Complete";
}
