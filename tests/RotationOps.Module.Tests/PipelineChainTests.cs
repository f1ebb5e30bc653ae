using RotationOps.Module.Tests.Infrastructure;
using RotationOps.Module.Tests.Rules;
using Xunit.Sdk;

namespace RotationOps.Module.Tests;

/// <summary>The pipeline helper on the fixture, where the answers are known.</summary>
public sealed class PipelineChainTests
{
    [Fact]
    public void An_output_with_the_mandatory_property_binds() =>
        PipelineChain.AssertBinds(FixtureModule.Metadata, "Set-Widget", "Test-Widget");

    [Fact]
    public void A_property_named_like_an_alias_binds() =>
        PipelineChain.AssertBinds(FixtureModule.Metadata, "Test-Widget", "Test-Widget", "WidgetReport");

    [Fact]
    public void An_output_lacking_every_set_s_mandatory_properties_does_not_bind()
    {
        var error = Assert.Throws<XunitException>(
            () => PipelineChain.AssertBinds(FixtureModule.Metadata, "Test-Widget", "Set-Widget", "WidgetReport"));

        Assert.Contains("set 'ByName' lacks -Name", error.Message);
        Assert.Contains("set 'ById' lacks -Id", error.Message);
    }

    [Fact]
    public void A_mandatory_parameter_nothing_pipes_must_be_given_on_the_command_line()
    {
        var error = Assert.Throws<XunitException>(
            () => PipelineChain.AssertBinds(FixtureModule.Metadata, "Set-Widget", "Frob-Widget"));

        Assert.Contains("set 'Wide' lacks -Target", error.Message);
        PipelineChain.AssertBinds(FixtureModule.Metadata, "Set-Widget", "Frob-Widget", outputType: null, "Target", "Credential");
    }

    [Fact]
    public void Every_declared_output_type_must_bind_unless_one_is_named()
    {
        var error = Assert.Throws<XunitException>(
            () => PipelineChain.AssertBinds(FixtureModule.Metadata, "Test-Widget", "Test-Widget"));

        Assert.Contains("System.Boolean fills no parameter set of Test-Widget", error.Message);
    }
}
