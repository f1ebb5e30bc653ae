using System.Collections.Generic;
using RotationOps.Sandbox.Quotas;

namespace RotationOps.Sandbox.CloudWatch;

/// <summary>Which rate quota each CloudWatch operation draws from.</summary>
internal sealed class CloudWatchQuotas(CloudWatchOptions options)
{
    private readonly Dictionary<string, RateQuota> byOperation = new()
    {
        ["GetMetricData"] = new RateQuota(options.GetMetricDataPerSecond),
        ["GetMetricStatistics"] = new RateQuota(options.GetMetricStatisticsPerSecond),
        ["DescribeAlarms"] = new RateQuota(options.DescribeAlarmsPerSecond),
    };

    public void Enforce(string operation)
    {
        if (byOperation.TryGetValue(operation, out var quota) && !quota.TryTake())
        {
            throw CloudWatchErrors.Throttling();
        }
    }
}
