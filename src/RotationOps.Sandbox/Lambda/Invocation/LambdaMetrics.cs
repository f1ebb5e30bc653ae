using System;
using System.Collections.Generic;
using RotationOps.Sandbox.Metrics;

namespace RotationOps.Sandbox.Lambda.Invocation;

/// <summary>
/// Publishes AWS/Lambda Invocations, Errors, Throttles and Duration for a tally, one datum per metric
/// per dimension set, as StatisticValues so a minute of traffic is one datum rather than thousands.
/// </summary>
internal sealed class LambdaMetrics(IMetricSink sink)
{
    public const string Namespace = "AWS/Lambda";

    public void Publish(IReadOnlyDictionary<string, string> dimensions, DateTimeOffset at, InvocationTally tally)
    {
        if (tally.Invocations == 0)
        {
            return;
        }

        double samples = tally.Invocations;
        double errors = tally.Errors;
        sink.Put(new MetricDatum(Namespace, "Invocations", dimensions, at, new StatisticValues(samples, samples, 1, 1), "Count"));

        // Each invocation contributes a 0 or a 1, so the extremes follow from the counts.
        sink.Put(new MetricDatum(Namespace, "Errors", dimensions, at,
            new StatisticValues(samples, errors, errors == samples ? 1 : 0, errors > 0 ? 1 : 0), "Count"));
        sink.Put(new MetricDatum(Namespace, "Throttles", dimensions, at, new StatisticValues(samples, 0, 0, 0), "Count"));
        sink.Put(new MetricDatum(Namespace, "Duration", dimensions, at,
            new StatisticValues(samples, tally.DurationSum, tally.DurationMin, tally.DurationMax), "Milliseconds"));
    }
}
