using System;
using System.Threading.Tasks;
using RotationOps.Engine.Canary;
using RotationOps.Engine.Canary.Gates;

namespace RotationOps.Engine.Tests.Canary;

/// <summary>
/// -Verdict Sequential as a bake sees it: a rollback fails the gate, a promotion passes it, an
/// undecided verdict keeps baking, and at the end of the bake an undecided verdict passes unless
/// -MinInvocations was not reached. Every result carries the verdict's evidence.
/// </summary>
public sealed class SequentialGateTests
{
    private static readonly SequentialGate Gate = new(new SequentialVerdict(0.01), minInvocations: 100);

    private static Task<GateResult> JudgeAsync(double canaryInvocations, double canaryErrors, double stableInvocations, double stableErrors, bool endOfBake,
        string? stableGaps = null) =>
        Gate.EvaluateAsync(new GateContext(new CanaryRun { FunctionName = "orders-api", AliasName = "LIVE", Weight = 0.1 }, DateTimeOffset.UnixEpoch, endOfBake,
            () => Task.FromResult(new CanaryMetricsSnapshot
            {
                CanaryInvocations = canaryInvocations, CanaryErrors = canaryErrors, StableInvocations = stableInvocations, StableErrors = stableErrors,
                StableGaps = stableGaps,
            })));

    [Fact]
    public async Task Figures_CloudWatch_did_not_complete_are_no_evidence_while_baking_and_no_promotion_at_the_end()
    {
        // Counts that alone would roll back: the stable side's errors are missing, not zero.
        var baking = await JudgeAsync(300, 15, 2700, 0, endOfBake: false, stableGaps: "stable Errors InternalError");
        var ended = await JudgeAsync(1500, 15, 13500, 135, endOfBake: true, stableGaps: "stable Errors InternalError");

        Assert.Equal(CheckResult.Skipped, baking.Result);
        Assert.Contains("no verdict, metrics unavailable: stable Errors InternalError", baking.Evidence);
        Assert.Equal(CheckResult.Failed, ended.Result);
        Assert.Contains("a canary is not promoted on missing evidence", ended.Evidence);
    }

    [Fact]
    public async Task A_regression_fails_the_gate_with_the_ratio_the_boundary_and_the_bound()
    {
        var result = await JudgeAsync(300, 15, 2700, 27, endOfBake: false);

        Assert.Equal(CheckResult.Failed, result.Result);
        Assert.Equal("SequentialVerdict", result.Gate);
        Assert.Equal(VerdictDecision.RollBack, result.Verdict!.Decision);
        Assert.Contains("canary 5.00% (15/300) vs stable 1.00% (27/2700)", result.Evidence);
        Assert.Contains("log-likelihood ratio 6.39, roll back at 4.61", result.Evidence);
        Assert.Contains("with probability at most 1.00%", result.Evidence);
    }

    [Fact]
    public async Task A_canary_shown_no_worse_passes_the_gate_before_the_end_of_the_bake()
    {
        var result = await JudgeAsync(1500, 15, 13500, 135, endOfBake: false);

        Assert.Equal(CheckResult.Passed, result.Result);
        Assert.Equal(VerdictDecision.Promote, result.Verdict!.Decision);
        Assert.EndsWith("the canary fails no more often than stable (one failing 2x as often gets here with probability at most 5%)", result.Evidence);
    }

    [Fact]
    public async Task An_undecided_verdict_keeps_baking()
    {
        var result = await JudgeAsync(500, 5, 4500, 45, endOfBake: false);

        Assert.Equal(CheckResult.Skipped, result.Result);
        Assert.Equal(VerdictDecision.Continue, result.Verdict!.Decision);
        Assert.Contains("undecided", result.Evidence);
    }

    [Fact]
    public async Task Undecided_at_the_end_of_the_bake_has_shown_no_regression_and_passes()
    {
        var result = await JudgeAsync(500, 5, 4500, 45, endOfBake: true);

        Assert.Equal(CheckResult.Passed, result.Result);
        Assert.Contains("no regression shown", result.Evidence);
    }

    [Fact]
    public async Task Undecided_at_the_end_of_the_bake_short_of_MinInvocations_fails_for_want_of_evidence()
    {
        var result = await JudgeAsync(40, 0, 360, 1, endOfBake: true);

        Assert.Equal(CheckResult.Failed, result.Result);
        Assert.Contains("not enough evidence", result.Evidence);
        Assert.NotNull(result.Verdict);
    }

    [Fact]
    public async Task A_regression_rolls_back_even_before_MinInvocations_are_reached()
    {
        // The test's bound holds at any sample size: 8 errors in 50 canary calls against a clean stable is enough.
        var result = await JudgeAsync(50, 8, 450, 0, endOfBake: false);

        Assert.Equal(CheckResult.Failed, result.Result);
    }
}
