using System;
using System.Collections.Generic;
using RotationOps.Sandbox.Quotas;

namespace RotationOps.Sandbox.CloudWatch;

/// <summary>
/// Which rate quota each CloudWatch operation draws from. Measured on the Sandbox clock, like
/// Lambda's: a client's backoff waits on that clock, so only then does waiting refill the bucket
/// (a 30-minute bake's polls take no real time at all).
/// </summary>
internal sealed class CloudWatchQuotas(CloudWatchOptions options, TimeProvider clock)
{
    private readonly Dictionary<string, RateQuota> byOperation = new()
    {
        ["GetMetricData"] = new RateQuota(options.GetMetricDataPerSecond, clock),
        ["GetMetricStatistics"] = new RateQuota(options.GetMetricStatisticsPerSecond, clock),
        ["DescribeAlarms"] = new RateQuota(options.DescribeAlarmsPerSecond, clock),
    };

    public void Enforce(string operation)
    {
        if (byOperation.TryGetValue(operation, out var quota) && !quota.TryTake())
        {
            throw CloudWatchErrors.Throttling();
        }
    }
}
