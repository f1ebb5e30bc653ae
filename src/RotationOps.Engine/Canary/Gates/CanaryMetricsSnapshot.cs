using RotationOps.Engine.Text;

namespace RotationOps.Engine.Canary.Gates;

/// <summary>Invocations and errors of the canary and the stable version behind the alias, in the step's window.</summary>
internal sealed class CanaryMetricsSnapshot
{
    public double CanaryInvocations { get; set; }
    public double CanaryErrors { get; set; }
    public double StableInvocations { get; set; }
    public double StableErrors { get; set; }
    /// <summary>Why the canary's figures cannot be judged (results CloudWatch did not complete); null when they can.</summary>
    public string? CanaryGaps { get; set; }
    /// <summary>Why the stable version's figures cannot be judged; null when they can.</summary>
    public string? StableGaps { get; set; }
    /// <summary>Why either side's figures cannot be judged, for gates that compare the two; null when both can.</summary>
    public string? Gaps => CanaryGaps == null || StableGaps == null ? CanaryGaps ?? StableGaps : $"{CanaryGaps}, {StableGaps}";

    public double CanaryErrorRate => CanaryInvocations > 0 ? CanaryErrors / CanaryInvocations : 0;
    public double StableErrorRate => StableInvocations > 0 ? StableErrors / StableInvocations : 0;

    public string DescribeCanary() => $"canary {Percent.Of(CanaryErrorRate, 2)} ({CanaryErrors:0}/{CanaryInvocations:0} invocations failed)";
    public string DescribeStable() => $"stable {Percent.Of(StableErrorRate, 2)} ({StableErrors:0}/{StableInvocations:0})";
}
