using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.CloudWatch;

namespace RotationOps.Engine.Canary.Gates;

/// <summary>
/// Reads AWS/Lambda Invocations and Errors per ExecutedVersion behind the alias — the only
/// dimension set that separates canary from stable — in one GetMetricData call. A result that is
/// not Complete is reported as a gap, never summed as if its missing points were zero.
/// </summary>
internal static class CanaryMetricsReader
{
    private const int PeriodSeconds = 60;

    public static async Task<CanaryMetricsSnapshot> ReadAsync(ICloudWatchClient client, CanaryRun deployment,
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var queries = new List<MetricDataQuery>
        {
            Query("ci", "Invocations", deployment, deployment.CanaryVersion),
            Query("ce", "Errors", deployment, deployment.CanaryVersion),
            Query("si", "Invocations", deployment, deployment.StableVersion),
            Query("se", "Errors", deployment, deployment.StableVersion),
        };
        var window = new MetricWindow(from, to);
        var results = await client.GetMetricDataAsync(queries, window.Start, window.End, cancellationToken).ConfigureAwait(false);
        double Sum(string id) => results.Where(r => r.Id == id).SelectMany(r => r.Values).Sum();
        return new CanaryMetricsSnapshot
        {
            CanaryInvocations = Sum("ci"),
            CanaryErrors = Sum("ce"),
            StableInvocations = Sum("si"),
            StableErrors = Sum("se"),
            CanaryGaps = MetricDataGaps.Describe(results, new[] { ("ci", "canary Invocations"), ("ce", "canary Errors") }),
            StableGaps = MetricDataGaps.Describe(results, new[] { ("si", "stable Invocations"), ("se", "stable Errors") }),
        };
    }

    private static MetricDataQuery Query(string id, string metric, CanaryRun deployment, string version) => new MetricDataQuery
    {
        Id = id,
        Namespace = "AWS/Lambda",
        MetricName = metric,
        Dimensions = new Dictionary<string, string>
        {
            ["FunctionName"] = deployment.FunctionName,
            ["Resource"] = $"{deployment.FunctionName}:{deployment.AliasName}",
            ["ExecutedVersion"] = version,
        },
        PeriodSeconds = PeriodSeconds,
        Stat = "Sum",
    };
}
