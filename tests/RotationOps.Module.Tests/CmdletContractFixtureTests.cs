using System.Linq;
using RotationOps.Module.Tests.Infrastructure;
using RotationOps.Module.Tests.Rules;

namespace RotationOps.Module.Tests;

/// <summary>
/// Each rule on the fixture: silent on the cmdlets that keep the contract, and firing on
/// Frob-Widget, which breaks it. A rule that cannot fire would pass the real module vacuously.
/// </summary>
public sealed class CmdletContractFixtureTests
{
    public static TheoryData<string> RuleNames => new(CmdletContract.Rules.Keys);

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void The_rule_accepts_compliant_cmdlets(string rule)
    {
        var violations = new[] { "Set-Widget", "Test-Widget" }.Select(FixtureModule.Cmdlet)
            .SelectMany(CmdletContract.Rules[rule]).ToList();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Theory]
    [InlineData("IsSealed", "is not sealed")]
    [InlineData("UsesApprovedVerb", "'Frob' is not an approved verb")]
    [InlineData("DeclaresRealOutputType", "'ContractFixture.NoSuchType' names no type")]
    [InlineData("MutatingVerbSupportsShouldProcess", "SupportsShouldProcess is not true")]
    [InlineData("EveryParameterSetIsReachable", "DefaultParameterSetName 'Missing'")]
    [InlineData("EveryParameterSetIsReachable", "parameter set 'Narrow' can never be chosen")]
    [InlineData("BindsFromPipelineByPropertyName", "no parameter has ValueFromPipelineByPropertyName")]
    [InlineData("HasCommonAwsParameters", "no -EndpointUrl")]
    [InlineData("HasCommonAwsParameters", "-Credential is System.String, not System.Management.Automation.PSCredential")]
    [InlineData("HasCommonAwsParameters", "-Credential is mandatory")]
    public void The_rule_reports_a_breach(string rule, string expected)
    {
        var violations = CmdletContract.Rules[rule](FixtureModule.Cmdlet("Frob-Widget")).ToList();

        Assert.Contains(violations, v => v.StartsWith("Frob-Widget: ") && v.Contains(expected));
    }

    [Fact]
    public void A_set_shadowed_by_a_wider_one_is_reachable_when_it_is_the_default()
    {
        var violations = ParameterSetReachability.Violations(FixtureModule.Cmdlet("Frob-Widget") with { DefaultParameterSetName = "Narrow" });

        Assert.Empty(violations);
    }

    [Fact]
    public void The_reader_sees_sets_aliases_pipeline_flags_and_inherited_parameters()
    {
        var set = FixtureModule.Cmdlet("Set-Widget");
        var name = set.FindParameter("Name")!;

        Assert.Equal(["ById", "ByName"], set.ParameterSetNames.Order());
        Assert.Equal(0, name.MembershipIn("ByName")!.Position);
        Assert.True(name.MembershipIn("ByName")!.ValueFromPipelineByPropertyName);
        Assert.Null(name.MembershipIn("ById"));
        Assert.Same(set.FindParameter("Colour"), set.FindParameter("Color"));
        Assert.NotNull(set.FindParameter("Credential"));
        Assert.True(set.SupportsShouldProcess);
        Assert.Equal("ContractFixture.Widget", Assert.Single(set.OutputTypes).Type!.FullName);
    }
}
