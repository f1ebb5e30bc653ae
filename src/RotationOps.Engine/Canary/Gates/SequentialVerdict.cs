using System;

namespace RotationOps.Engine.Canary.Gates;

/// <summary>
/// -Verdict Sequential's decision rule: Wald's sequential probability ratio test on which version
/// the step's errors came from, judged afresh from the cumulative counts at every poll.
/// </summary>
/// <remarks>
/// <para>
/// The test asks where the errors went, not how many there were. Given that a share
/// s = nc / (nc + ns) of the step's invocations went to the canary, and that errors are rare
/// (Poisson), each error came from the canary with probability π(r) = r·s / (r·s + 1 − s), where
/// r = pc / ps is how many times as often the canary fails. H0 is "no worse" (r = 1, π = s); H1 is
/// "fails <see cref="DetectedRatio"/> times as often" (r = 2). With ec canary and es stable errors the
/// log-likelihood ratio of H1 to H0 is
///   Λ = ec·ln π(2)/s + es·ln (1 − π(2))/(1 − s) = ec·ln 2 − (ec + es)·ln(1 + s).
/// Comparing within the step, against the stable version serving the same alias at the same time,
/// means an outage that hurts both versions is not the canary's fault; and no baseline error rate
/// has to be guessed, so the same rule serves a 0.1 % and a 5 % function.
/// </para>
/// <para>
/// The bounds hold however often the counts are looked at — the point of a sequential test, where a
/// fixed threshold checked every minute gets a fresh chance to trip on noise each time. Under H0 (and
/// for any r &lt; 1) the likelihood ratio e^Λ is a nonnegative (super)martingale with mean 1, so by
/// Ville's inequality it ever reaches 1/α with probability at most α: rolling back at
/// Λ ≥ ln(1/α) rolls back a healthy canary with probability at most α. Symmetrically, under H1
/// e^−Λ is one, so a canary failing twice as often (or worse) reaches Λ ≤ ln β, and ends its bake
/// early, with probability at most β. These are Wald's boundaries without his approximation, so
/// the bounds are strict (the test stops slightly later than Wald's approximate one).
/// </para>
/// <para>
/// A step with no errors, or with no invocations on either side, has no evidence either way (Λ = 0):
/// it continues, and at the end of the bake the gate decides as the fixed gates do.
/// </para>
/// </remarks>
internal sealed class SequentialVerdict
{
    /// <summary>
    /// H1: the canary fails twice as often as stable. A regression this size is worth rolling back
    /// at any base rate, and a larger one (1 % → 5 %) crosses the boundary all the sooner.
    /// </summary>
    public const double DetectedRatio = 2;

    /// <summary>β: the most often a canary failing twice as often as stable ends a bake early.</summary>
    public const double EarlyPassRate = 0.05;

    /// <summary>-FalseRollbackRate's default: at most 1 healthy canary in 100 rolled back by the verdict.</summary>
    public const double DefaultFalseRollbackRate = 0.01;

    private readonly double _falseRollbackRate;

    /// <param name="falseRollbackRate">α for one step: the most often a healthy canary is rolled back during it.</param>
    public SequentialVerdict(double falseRollbackRate)
    {
        if (!(falseRollbackRate > 0 && falseRollbackRate < 1))
            throw new ArgumentOutOfRangeException(nameof(falseRollbackRate), falseRollbackRate, "α is a probability above 0 and below 1.");
        _falseRollbackRate = falseRollbackRate;
    }

    /// <summary>ln(1/α): Λ at or above it rolls back.</summary>
    public double RollBackBoundary => Math.Log(1 / _falseRollbackRate);

    /// <summary>ln β: Λ at or below it promotes.</summary>
    public static double PromoteBoundary => Math.Log(EarlyPassRate);

    /// <summary>Judges the step's cumulative counts (read from its start): roll back, promote, or go on baking.</summary>
    public VerdictEvidence Judge(CanaryMetricsSnapshot counts)
    {
        double ratio = LogLikelihoodRatio(counts);
        var decision = ratio >= RollBackBoundary ? VerdictDecision.RollBack
            : ratio <= PromoteBoundary ? VerdictDecision.Promote
            : VerdictDecision.Continue;
        return new VerdictEvidence(decision, counts.CanaryInvocations, counts.CanaryErrors, counts.StableInvocations, counts.StableErrors,
            ratio, RollBackBoundary, PromoteBoundary, _falseRollbackRate, DetectedRatio);
    }

    /// <summary>Λ = ec·ln 2 − (ec + es)·ln(1 + s); 0 when one version served nothing (no split to learn from).</summary>
    private static double LogLikelihoodRatio(CanaryMetricsSnapshot counts)
    {
        if (counts.CanaryInvocations <= 0 || counts.StableInvocations <= 0) return 0;
        double share = counts.CanaryInvocations / (counts.CanaryInvocations + counts.StableInvocations);
        return counts.CanaryErrors * Math.Log(DetectedRatio)
            - (counts.CanaryErrors + counts.StableErrors) * Math.Log(1 + (DetectedRatio - 1) * share);
    }
}
