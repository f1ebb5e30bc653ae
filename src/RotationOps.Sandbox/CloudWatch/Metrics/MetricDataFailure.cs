using System;

namespace RotationOps.Sandbox.CloudWatch.Metrics;

/// <summary>
/// A GetMetricData result CloudWatch could not produce: instead of its points, the result says
/// <see cref="StatusCode"/> (<c>InternalError</c> or <c>Forbidden</c>) with one MessageData
/// carrying <see cref="Message"/>, as AWS does for a result it failed or was not allowed to read.
/// </summary>
public sealed record MetricDataFailure
{
    public MetricDataFailure(string statusCode, string message)
    {
        if (statusCode is not ("InternalError" or "Forbidden"))
        {
            throw new ArgumentException($"A failed result says InternalError or Forbidden, not {statusCode}.", nameof(statusCode));
        }

        StatusCode = statusCode;
        Message = message;
    }

    public string StatusCode { get; }

    public string Message { get; }

    /// <summary>Only results for this metric name fail; null fails every result.</summary>
    public string? MetricName { get; init; }

    internal bool Matches(MetricIdentity metric) => MetricName is null || MetricName == metric.MetricName;
}
