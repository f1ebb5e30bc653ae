namespace RotationOps.Engine.Canary.Gates;

/// <summary>
/// A metric gate's answer when CloudWatch did not complete the figures it judges (InternalError,
/// Forbidden, PartialData left over): no verdict. Missing points are not zero errors, so the gate
/// neither passes nor fails on them while the bake goes on; still missing at the end of the bake,
/// it fails, because a canary is not promoted on missing evidence.
/// </summary>
internal static class MissingMetrics
{
    /// <summary>Null when there are no <paramref name="gaps"/>; otherwise Skipped (keep baking) or, at the end of the bake, Failed.</summary>
    public static GateResult? Judge(string gate, string? gaps, bool endOfBake)
    {
        if (gaps == null) return null;
        string evidence = $"no verdict, metrics unavailable: {gaps}";
        return endOfBake
            ? new GateResult(gate, CheckResult.Failed, evidence + "; still missing at the end of the bake, and a canary is not promoted on missing evidence")
            : new GateResult(gate, CheckResult.Skipped, evidence);
    }
}
