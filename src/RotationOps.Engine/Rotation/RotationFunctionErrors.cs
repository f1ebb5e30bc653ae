using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.CloudWatch;

namespace RotationOps.Engine.Rotation;

/// <summary>
/// The rotation function's AWS/Lambda Errors since a rotation started: Secrets Manager publishes
/// no metric of its own for a failed rotation, but each failed step is an error of the function,
/// visible within a minute or two, long before a -Timeout of minutes runs out.
/// </summary>
internal static class RotationFunctionErrors
{
    public static async Task<double> SinceAsync(ICloudWatchClient client, string functionName, DateTimeOffset since, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var query = new MetricDataQuery
        {
            Id = "errors",
            Namespace = "AWS/Lambda",
            MetricName = "Errors",
            Dimensions = new Dictionary<string, string> { ["FunctionName"] = functionName },
            PeriodSeconds = 60,
            Stat = "Sum",
        };
        var window = new MetricWindow(since, now);
        var results = await client.GetMetricDataAsync(new[] { query }, window.Start, window.End, cancellationToken).ConfigureAwait(false);
        return results.SelectMany(r => r.Values).Sum();
    }
}
