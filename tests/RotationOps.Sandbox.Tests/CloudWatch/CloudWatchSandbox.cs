using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using RotationOps.Sandbox.CloudWatch;
using RotationOps.Sandbox.Metrics;

namespace RotationOps.Sandbox.Tests.CloudWatch;

/// <summary>Starts Sandboxes for the CloudWatch tests at a fixed instant, and seeds AWS/Lambda data the way the Lambda twin publishes it.</summary>
internal static class CloudWatchSandbox
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public static Task<SandboxServer> StartAsync(CloudWatchOptions? options = null) =>
        SandboxServer.StartAsync(new SandboxOptions { ClockStart = Start, CloudWatch = options ?? new CloudWatchOptions() });

    /// <summary>Publishes one AWS/Lambda datum through the metric sink, as the Lambda twin does.</summary>
    public static void PutLambda(SandboxServer sandbox, string metricName, DateTimeOffset at, double value, string unit = "Count",
        params (string Name, string Value)[] dimensions)
    {
        var set = new Dictionary<string, string>();
        foreach (var (name, dimensionValue) in dimensions)
        {
            set[name] = dimensionValue;
        }

        sandbox.CloudWatch.Metrics.Put(new MetricDatum("AWS/Lambda", metricName, set, at, StatisticValues.Single(value), unit));
    }

    public static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
