namespace RotationOps.Sandbox.Metrics;

/// <summary>
/// Where simulated services publish their metrics (Lambda's AWS/Lambda Invocations, Errors,
/// Duration, Throttles). The CloudWatch twin implements it and serves the data back through
/// GetMetricData, GetMetricStatistics and alarm evaluation.
/// </summary>
public interface IMetricSink
{
    void Put(MetricDatum datum);
}
