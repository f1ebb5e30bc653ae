using System;

namespace RotationOps.Engine.CloudWatch;

/// <summary>
/// A metric or composite alarm as DescribeAlarms reports it. The metric members are null for a
/// composite alarm, and <see cref="AlarmRule"/> is null for a metric alarm.
/// </summary>
public sealed class CloudWatchAlarm
{
    public string AlarmName { get; set; } = "";
    public string? AlarmArn { get; set; }
    /// <summary>True when the alarm came from DescribeAlarms' CompositeAlarms list.</summary>
    public bool IsComposite { get; set; }
    /// <summary>OK | ALARM | INSUFFICIENT_DATA.</summary>
    public string StateValue { get; set; } = "";
    public string? StateReason { get; set; }
    public DateTimeOffset? StateUpdatedTimestamp { get; set; }
    public string? MetricName { get; set; }
    public string? Namespace { get; set; }
    public double? Threshold { get; set; }
    public string? ComparisonOperator { get; set; }
    /// <summary>A composite alarm's rule, e.g. ALARM(orders-api-errors) OR ALARM(orders-api-throttles).</summary>
    public string? AlarmRule { get; set; }
}
