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
    /// <summary>The errors from the start of <paramref name="since"/>'s minute to the end of <paramref name="now"/>'s, unless CloudWatch's answer was incomplete.</summary>
    public static async Task<FunctionErrorCount> SinceAsync(ICloudWatchClient client, string functionName, DateTimeOffset since, DateTimeOffset now,
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
        string? gap = MetricDataGaps.Describe(results, new[] { (query.Id, $"{functionName} Errors") });
        return new FunctionErrorCount(gap == null ? results.SelectMany(r => r.Values).Sum() : 0, gap);
    }
}
