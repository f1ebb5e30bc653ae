namespace RotationOps.Sandbox.CloudWatch.Metrics;

/// <summary>The statistics CloudWatch computes over a period; names are the wire values.</summary>
public enum MetricStatistic
{
    SampleCount,
    Average,
    Sum,
    Minimum,
    Maximum,
}
