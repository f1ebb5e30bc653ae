using System.Linq;
using System.Xml.Linq;
using RotationOps.HelpGen;
using RotationOps.Module.Tests.Infrastructure;
using RotationOps.Module.Tests.Rules;

namespace RotationOps.Module.Tests;

/// <summary>Get-Help reads en-US/RotationOps.dll-Help.xml, generated from the /// comments by tools/HelpGen.</summary>
public sealed class HelpTests
{
    [Fact]
    public void Every_cmdlet_and_parameter_has_help_text()
    {
        var violations = HelpCoverage.Violations(XDocument.Load(RepositoryPaths.HelpFile), BuiltModule.Cmdlets).ToList();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void The_check_reports_undocumented_cmdlets_and_parameters()
    {
        var help = MamlWriter.Build(FixtureModule.Metadata.Cmdlets, FixtureModule.Docs);

        var violations = HelpCoverage.Violations(help, FixtureModule.Metadata.Cmdlets).ToList();

        Assert.Contains("Frob-Widget: no synopsis", violations[0]);
        Assert.Contains("Frob-Widget: no description", violations[1]);
        Assert.Contains("Frob-Widget: -Target has no help text", violations[2]);
        Assert.All(violations, v => Assert.StartsWith("Frob-Widget: ", v));
    }

    [Fact]
    public void The_generator_renders_synopsis_description_parameters_and_examples()
    {
        XNamespace maml = "http://schemas.microsoft.com/maml/2004/10";
        XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        XNamespace dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        var help = MamlWriter.Build([FixtureModule.Cmdlet("Set-Widget")], FixtureModule.Docs);
        var setWidget = help.Descendants(command + "command").Single();

        Assert.Equal("Changes a widget.", setWidget.Element(command + "details")!.Element(maml + "description")!.Value);
        Assert.StartsWith("Keeps every contract", setWidget.Element(maml + "description")!.Value);
        Assert.Equal(["ById", "ByName"], setWidget.Descendants(command + "syntaxItem")
            .Select(s => string.Join(",", s.Elements(command + "parameter").Select(p => p.Element(maml + "name")!.Value)))
            .Select(s => s.Contains("Id") ? "ById" : "ByName").Order());
        var color = setWidget.Element(command + "parameters")!.Elements(command + "parameter").Single(p => p.Element(maml + "name")!.Value == "Color");
        Assert.Equal("Colour", color.Attribute("aliases")!.Value);
        Assert.Equal("String[]", color.Element(command + "parameterValue")!.Value);
        Assert.Equal("The new colour.", color.Element(maml + "description")!.Value);
        Assert.Contains(setWidget.Descendants(maml + "name"), n => n.Value == "WhatIf");
        Assert.Equal("Set-Widget -Name w1 -Color red", setWidget.Descendants(dev + "code").Single().Value);
        Assert.Equal("ContractFixture.Widget", setWidget.Element(command + "returnValues")!.Descendants(maml + "name").Single().Value);
    }
}
