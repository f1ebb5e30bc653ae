using System;

namespace RotationOps.Sandbox.CloudWatch;

/// <summary>
/// CloudWatch's behaviour in the Sandbox: AWS's per-second API rate quotas (enforced over real time
/// with 400 Throttling "Rate exceeded"; other operations are not limited) and how late metric data
/// becomes visible. Defaults are AWS's; tests lower the quotas.
/// </summary>
public sealed class CloudWatchOptions
{
    public double GetMetricDataPerSecond { get; set; } = 50;

    public double GetMetricStatisticsPerSecond { get; set; } = 400;

    public double DescribeAlarmsPerSecond { get; set; } = 9;

    /// <summary>How long after its timestamp a data point becomes visible (see <see cref="Metrics.MetricStore.MetricDelay"/>).</summary>
    public TimeSpan MetricDelay { get; set; }
}
