namespace RotationOps;

/// <summary>
/// One health gate's verdict with its evidence: the values measured and the threshold they
/// were held to, so a rollback explains itself.
/// </summary>
public sealed class GateResult
{
    public GateResult(string gate, CheckResult result, string evidence, VerdictEvidence? verdict = null)
    {
        Gate = gate;
        Result = result;
        Evidence = evidence;
        Verdict = verdict;
    }

    /// <summary>e.g. "Alarm orders-api-errors", "ErrorRate", "CanaryVsStable", "HealthScript".</summary>
    public string Gate { get; }
    /// <summary>Passed, Failed, or Skipped (not enough data yet).</summary>
    public CheckResult Result { get; }
    public string Evidence { get; }
    /// <summary>The sequential verdict's counts, ratio and boundaries (-Verdict Sequential); null for the other gates.</summary>
    public VerdictEvidence? Verdict { get; }

    public override string ToString() => $"{Gate}: {Result} ({Evidence})";
}
