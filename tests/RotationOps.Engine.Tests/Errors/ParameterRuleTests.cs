using RotationOps.Engine.Errors;

namespace RotationOps.Engine.Tests.Errors;

/// <summary>
/// Parameters given together that clash, or one given without what it needs: refused with
/// InvalidParameter, the message naming both parameters and the reason, instead of PowerShell's
/// AmbiguousParameterSet or a parameter silently ignored.
/// </summary>
public sealed class ParameterRuleTests
{
    private static readonly ParameterRule[] Rules =
    {
        ParameterRule.Exclusive("Weight", "Promote", "-Promote sends all traffic to the new version, -Weight sends a share of it. Give one."),
        ParameterRule.Requires("MinInvocations", new[] { "MaxErrorRate", "MaxErrorRateIncrease" }, "no error-rate gate was given."),
    };

    [Fact]
    public void Two_parameters_that_clash_are_refused_naming_both_and_the_fix()
    {
        var error = Assert.Throws<RunbookException>(() => ParameterRule.Check(new[] { "FunctionName", "Weight", "Promote" }, Rules));

        Assert.Equal("InvalidParameter", error.ErrorId);
        Assert.Equal(RunbookErrorCategory.InvalidArgument, error.Category);
        Assert.Equal("Weight", error.ParameterName);
        Assert.Equal("-Weight and -Promote cannot be used together: -Promote sends all traffic to the new version, -Weight sends a share of it. Give one.", error.Message);
    }

    [Fact]
    public void A_parameter_without_any_it_needs_is_refused_listing_what_would_do()
    {
        var error = Assert.Throws<RunbookException>(() => ParameterRule.Check(new[] { "Weight", "MinInvocations" }, Rules));

        Assert.Equal("MinInvocations", error.ParameterName);
        Assert.StartsWith("-MinInvocations needs -MaxErrorRate or -MaxErrorRateIncrease: ", error.Message);
    }

    [Fact]
    public void Parameter_names_match_as_PowerShell_binds_them_whatever_their_case()
    {
        Assert.Throws<RunbookException>(() => ParameterRule.Check(new[] { "weight", "PROMOTE" }, Rules));
    }

    [Fact]
    public void Parameters_that_go_together_pass()
    {
        ParameterRule.Check(new[] { "Weight", "MinInvocations", "MaxErrorRateIncrease" }, Rules);
        ParameterRule.Check(new[] { "Promote" }, Rules);
    }
}
