using System;
using RotationOps.Engine.Canary;
using RotationOps.Engine.Errors;

namespace RotationOps.Engine.Tests.Canary;

/// <summary>-Verdict Sequential's bad combinations, refused before any AWS call with the parameter and the fix named.</summary>
public sealed class SequentialVerdictRequestTests
{
    private static TrafficShiftRequest Request() => new()
    {
        FunctionName = "orders-api", AliasName = "LIVE", Steps = new[] { 0.1, 1.0 }, BakeTime = TimeSpan.FromMinutes(30), Verdict = CanaryVerdict.Sequential,
    };

    [Fact]
    public void A_sequential_verdict_without_a_bake_is_refused_naming_BakeTime()
    {
        var request = Request();
        request.BakeTime = TimeSpan.Zero;

        var error = Assert.Throws<RunbookException>(() => request.Validate());

        Assert.Equal("BakeTime", error.ParameterName);
        Assert.Contains("-Verdict Sequential judges the canary during a bake", error.Message);
    }

    [Fact]
    public void A_sequential_verdict_with_Promote_is_refused_naming_Verdict()
    {
        var request = Request();
        request.Steps = null;
        request.BakeTime = TimeSpan.Zero;
        request.Promote = true;

        var error = Assert.Throws<RunbookException>(() => request.Validate());

        Assert.Equal("Verdict", error.ParameterName);
        Assert.Contains("-Verdict Sequential would have no bake to judge", error.Message);
    }

    [Fact]
    public void A_false_rollback_rate_for_the_threshold_verdict_is_refused()
    {
        var request = Request();
        request.Verdict = CanaryVerdict.Threshold;
        request.MaxErrorRate = 0.02;
        request.FalseRollbackRate = 0.05;

        var error = Assert.Throws<RunbookException>(() => request.Validate());

        Assert.Equal("FalseRollbackRate", error.ParameterName);
        Assert.Contains("Add -Verdict Sequential", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.6)]
    [InlineData(-0.01)]
    public void A_false_rollback_rate_that_is_no_usable_probability_is_refused(double alpha)
    {
        var request = Request();
        request.FalseRollbackRate = alpha;

        var error = Assert.Throws<RunbookException>(() => request.Validate());

        Assert.Equal("FalseRollbackRate", error.ParameterName);
        Assert.Contains("e.g. 0.01", error.Message);
    }
}
