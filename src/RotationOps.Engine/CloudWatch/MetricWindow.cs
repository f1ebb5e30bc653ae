using System;

namespace RotationOps.Engine.CloudWatch;

/// <summary>A GetMetricData time range widened to whole minutes: CloudWatch aggregates Lambda metrics per minute.</summary>
internal readonly struct MetricWindow
{
    public MetricWindow(DateTimeOffset from, DateTimeOffset to)
    {
        Start = new DateTimeOffset(from.UtcDateTime.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
        End = new DateTimeOffset((to.UtcDateTime.Ticks / TimeSpan.TicksPerMinute + 1) * TimeSpan.TicksPerMinute, TimeSpan.Zero);
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }
}
