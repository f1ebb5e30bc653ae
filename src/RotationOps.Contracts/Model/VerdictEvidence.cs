using System.Globalization;
using RotationOps.Engine.Text;

namespace RotationOps;

/// <summary>
/// What the sequential verdict (-Verdict Sequential) judged at one poll: the step's error counts,
/// the log-likelihood ratio they give, and the two boundaries it is held to, so a rollback or an
/// early end of a bake can be checked by hand. The ratio is evidence that the canary fails
/// <see cref="DetectedRatio"/> times as often as stable rather than as often; at or above
/// <see cref="RollBackBoundary"/> (ln 1/<see cref="FalseRollbackRate"/>) it rolls back, at or below
/// <see cref="PromoteBoundary"/> the bake may end early.
/// </summary>
public sealed class VerdictEvidence
{
    public VerdictEvidence(VerdictDecision decision, double canaryInvocations, double canaryErrors, double stableInvocations, double stableErrors,
        double logLikelihoodRatio, double rollBackBoundary, double promoteBoundary, double falseRollbackRate, double detectedRatio)
    {
        Decision = decision;
        CanaryInvocations = canaryInvocations;
        CanaryErrors = canaryErrors;
        StableInvocations = stableInvocations;
        StableErrors = stableErrors;
        LogLikelihoodRatio = logLikelihoodRatio;
        RollBackBoundary = rollBackBoundary;
        PromoteBoundary = promoteBoundary;
        FalseRollbackRate = falseRollbackRate;
        DetectedRatio = detectedRatio;
    }

    /// <summary>Which boundary the ratio crossed: RollBack, Promote, or neither (Continue).</summary>
    public VerdictDecision Decision { get; }

    public double CanaryInvocations { get; }

    public double CanaryErrors { get; }

    public double StableInvocations { get; }

    public double StableErrors { get; }

    public double CanaryErrorRate => CanaryInvocations > 0 ? CanaryErrors / CanaryInvocations : 0;

    public double StableErrorRate => StableInvocations > 0 ? StableErrors / StableInvocations : 0;

    /// <summary>ln of how much likelier the counts are if the canary fails <see cref="DetectedRatio"/> times as often as stable than if it fails as often.</summary>
    public double LogLikelihoodRatio { get; }

    /// <summary>ln(1/<see cref="FalseRollbackRate"/>): reaching it rolls back.</summary>
    public double RollBackBoundary { get; }

    /// <summary>ln β: reaching it lets the bake end early.</summary>
    public double PromoteBoundary { get; }

    /// <summary>This step's share of -FalseRollbackRate: the most often a healthy canary crosses <see cref="RollBackBoundary"/>, however often it is polled.</summary>
    public double FalseRollbackRate { get; }

    /// <summary>The regression the test is built to tell apart from health: the canary failing this many times as often as stable.</summary>
    public double DetectedRatio { get; }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "{0}: canary {1} ({2:0}/{3:0}) vs stable {4} ({5:0}/{6:0}); log-likelihood ratio {7:0.00}, roll back at {8:0.00}, promote at {9:0.00}",
        Decision, Percent.Of(CanaryErrorRate), CanaryErrors, CanaryInvocations, Percent.Of(StableErrorRate), StableErrors, StableInvocations,
        LogLikelihoodRatio, RollBackBoundary, PromoteBoundary);
}
