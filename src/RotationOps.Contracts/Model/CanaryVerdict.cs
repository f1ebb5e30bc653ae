namespace RotationOps;

/// <summary>How Set-AliasWeight decides a bake (-Verdict).</summary>
public enum CanaryVerdict
{
    /// <summary>Only the fixed-threshold gates (-MaxErrorRate, -MaxErrorRateIncrease, -Alarm, -HealthScript) judge, and every bake runs its full -BakeTime.</summary>
    Threshold,
    /// <summary>A sequential test of canary against stable error counts also judges: it rolls back or ends the bake as soon as the evidence suffices.</summary>
    Sequential,
}
