using System;

namespace RotationOps.Engine.CloudWatch;

public sealed class MetricAlarm
{
    public string AlarmName { get; set; } = "";
    public string? AlarmArn { get; set; }
    /// <summary>OK | ALARM | INSUFFICIENT_DATA.</summary>
    public string StateValue { get; set; } = "";
    public string? StateReason { get; set; }
    public DateTimeOffset? StateUpdatedTimestamp { get; set; }
    public string? MetricName { get; set; }
    public string? Namespace { get; set; }
    public double? Threshold { get; set; }
    public string? ComparisonOperator { get; set; }
}
