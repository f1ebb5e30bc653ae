using System;
using System.Linq;
using RotationOps.Engine.Canary.Gates;

namespace RotationOps.Engine.Tests.Canary;

/// <summary>
/// The sequential verdict's decision rules on exact counts: where each boundary lies, what no data
/// or a one-sided split decides, and that a 1 % → 5 % regression is caught within 300 canary
/// invocations while a healthy canary, polled every minute, is rolled back at most α of the time.
/// </summary>
public sealed class SequentialVerdictTests
{
    private static readonly SequentialVerdict Verdict = new(0.01);

    private static CanaryMetricsSnapshot Counts(double canaryInvocations, double canaryErrors, double stableInvocations, double stableErrors) => new()
    {
        CanaryInvocations = canaryInvocations, CanaryErrors = canaryErrors, StableInvocations = stableInvocations, StableErrors = stableErrors,
    };

    [Fact]
    public void No_invocations_is_no_evidence_either_way()
    {
        var evidence = Verdict.Judge(Counts(0, 0, 0, 0));

        Assert.Equal(VerdictDecision.Continue, evidence.Decision);
        Assert.Equal(0, evidence.LogLikelihoodRatio);
    }

    [Fact]
    public void Invocations_without_a_single_error_say_nothing_about_which_version_fails_more()
    {
        Assert.Equal(VerdictDecision.Continue, Verdict.Judge(Counts(5000, 0, 45000, 0)).Decision);
    }

    [Fact]
    public void Errors_with_no_stable_traffic_to_compare_against_decide_nothing()
    {
        var evidence = Verdict.Judge(Counts(100, 50, 0, 0));

        Assert.Equal(VerdictDecision.Continue, evidence.Decision);
        Assert.Equal(0, evidence.LogLikelihoodRatio);
    }

    [Fact]
    public void Against_a_stable_version_with_no_errors_the_eighth_canary_error_at_a_10_percent_share_rolls_back()
    {
        // Each canary error adds ln(2 / 1.1) = 0.598 at a 10 % share; ln(1/0.01) = 4.61 needs 8 of them.
        var seven = Verdict.Judge(Counts(1000, 7, 9000, 0));
        var eight = Verdict.Judge(Counts(1000, 8, 9000, 0));

        Assert.Equal(VerdictDecision.Continue, seven.Decision);
        Assert.Equal(VerdictDecision.RollBack, eight.Decision);
        Assert.Equal(8 * Math.Log(2 / 1.1), eight.LogLikelihoodRatio, 9);
    }

    [Fact]
    public void The_thirty_second_stable_error_with_none_on_the_canary_promotes()
    {
        // Each stable error takes ln 1.1 = 0.0953 off at a 10 % share; ln 0.05 = -3.00 needs 32 of them.
        Assert.Equal(VerdictDecision.Continue, Verdict.Judge(Counts(1000, 0, 9000, 31)).Decision);
        Assert.Equal(VerdictDecision.Promote, Verdict.Judge(Counts(1000, 0, 9000, 32)).Decision);
    }

    [Fact]
    public void A_ratio_exactly_on_a_boundary_crosses_it()
    {
        // α chosen so ln(1/α) is exactly the ratio that 8 canary errors and none on stable give.
        var counts = Counts(1000, 8, 9000, 0);
        double ratio = Verdict.Judge(counts).LogLikelihoodRatio;
        var onTheBoundary = new SequentialVerdict(1 / Math.Exp(ratio));

        Assert.Equal(ratio, onTheBoundary.RollBackBoundary);
        Assert.Equal(VerdictDecision.RollBack, onTheBoundary.Judge(counts).Decision);
        Assert.Equal(VerdictDecision.Continue, onTheBoundary.Judge(Counts(1000, 7, 9000, 0)).Decision);
    }

    [Fact]
    public void A_lower_false_rollback_rate_waits_for_more_evidence()
    {
        var counts = Counts(1000, 8, 9000, 0);

        Assert.Equal(VerdictDecision.RollBack, Verdict.Judge(counts).Decision);
        Assert.Equal(VerdictDecision.Continue, new SequentialVerdict(0.001).Judge(counts).Decision);
    }

    [Fact]
    public void Equal_error_rates_with_enough_errors_promote()
    {
        // Both at 1 %, 10 % share: 15 canary and 135 stable errors give 15·ln 2 − 150·ln 1.1 = −3.9.
        var evidence = Verdict.Judge(Counts(1500, 15, 13500, 135));

        Assert.Equal(VerdictDecision.Promote, evidence.Decision);
        Assert.Equal(0.01, evidence.CanaryErrorRate, 9);
        Assert.Equal(0.01, evidence.StableErrorRate, 9);
    }

    [Fact]
    public void A_canary_failing_less_than_stable_promotes()
    {
        Assert.Equal(VerdictDecision.Promote, Verdict.Judge(Counts(500, 0, 4500, 225)).Decision);
    }

    [Fact]
    public void A_downstream_outage_failing_both_versions_alike_is_not_the_canary_s_fault()
    {
        // 30 % errors on both: a fixed 2 % threshold would roll back; the split says the canary is no worse.
        Assert.Equal(VerdictDecision.Promote, Verdict.Judge(Counts(200, 60, 1800, 540)).Decision);
    }

    [Fact]
    public void A_1_to_5_percent_regression_at_a_10_percent_share_rolls_back_within_300_canary_invocations()
    {
        // Counts exactly at the expected rates, every 30 canary invocations (a minute at 300 a minute on the alias).
        var decisions = Enumerable.Range(1, 10).Select(i => (Invocations: 30 * i,
            Evidence: Verdict.Judge(Counts(30 * i, Math.Round(0.05 * 30 * i), 270 * i, Math.Round(0.01 * 270 * i))))).ToList();

        var first = decisions.First(d => d.Evidence.Decision != VerdictDecision.Continue);
        Assert.Equal(VerdictDecision.RollBack, first.Evidence.Decision);
        Assert.InRange(first.Invocations, 1, 300);
    }

    [Fact]
    public void The_evidence_carries_the_counts_the_ratio_and_both_boundaries()
    {
        var evidence = Verdict.Judge(Counts(300, 15, 2700, 27));

        Assert.Equal((300.0, 15.0, 2700.0, 27.0), (evidence.CanaryInvocations, evidence.CanaryErrors, evidence.StableInvocations, evidence.StableErrors));
        Assert.Equal(0.05, evidence.CanaryErrorRate, 9);
        Assert.Equal(Math.Log(100), evidence.RollBackBoundary, 9);
        Assert.Equal(Math.Log(0.05), evidence.PromoteBoundary, 9);
        Assert.Equal(0.01, evidence.FalseRollbackRate);
        Assert.Equal(2, evidence.DetectedRatio);
        Assert.Equal(15 * Math.Log(2) - 42 * Math.Log(1.1), evidence.LogLikelihoodRatio, 9);
        Assert.Equal("RollBack: canary 5.00% (15/300) vs stable 1.00% (27/2700); log-likelihood ratio 6.39, roll back at 4.61, promote at -3.00", evidence.ToString());
    }

    [Fact]
    public void Polled_every_minute_for_an_hour_healthy_canaries_are_rolled_back_at_most_alpha_of_the_time()
    {
        // The bound must hold however often the verdict looks: 60 looks each, 1,000 healthy canaries
        // at 1 % on both versions, 10 % of 300 invocations a minute. Seeded, so the count is fixed.
        var random = new Random(20261130);
        int rolledBack = 0;
        for (int canary = 0; canary < 1000; canary++)
        {
            var counts = new CanaryMetricsSnapshot();
            for (int minute = 0; minute < 60; minute++)
            {
                for (int call = 0; call < 300; call++)
                {
                    bool onCanary = random.NextDouble() < 0.1;
                    bool failed = random.NextDouble() < 0.01;
                    if (onCanary) { counts.CanaryInvocations++; counts.CanaryErrors += failed ? 1 : 0; }
                    else { counts.StableInvocations++; counts.StableErrors += failed ? 1 : 0; }
                }
                var decision = Verdict.Judge(counts).Decision;
                if (decision == VerdictDecision.RollBack) rolledBack++;
                if (decision != VerdictDecision.Continue) break;
            }
        }

        Assert.InRange(rolledBack, 0, 10);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void An_alpha_that_is_no_probability_is_refused(double alpha)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SequentialVerdict(alpha));
    }
}
