namespace RotationOps.Engine.Canary.Gates;

internal static class SampleSize
{
    /// <summary>Null when there is enough data to judge; otherwise Skipped (keep baking) or, at the end of the bake, Failed.</summary>
    public static GateResult? Judge(string gate, double invocations, int minInvocations, bool endOfBake)
    {
        if (invocations >= minInvocations) return null;
        string evidence = $"{invocations:0} invocations reached the canary so far; {minInvocations} are needed to judge";
        return endOfBake
            ? new GateResult(gate, CheckResult.Failed, evidence + ": not enough evidence to go on (lower -MinInvocations for low-traffic functions)")
            : new GateResult(gate, CheckResult.Skipped, evidence);
    }
}
