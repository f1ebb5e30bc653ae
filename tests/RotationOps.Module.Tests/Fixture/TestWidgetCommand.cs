using System.Management.Automation;

namespace ContractFixture;

/// <summary>
/// <para type="synopsis">Checks a widget.</para>
/// <para type="description">A read-only verb, so no ShouldProcess is needed.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "Widget")]
[OutputType(typeof(WidgetReport))]
[OutputType(typeof(bool), ParameterSetName = new[] { "Quiet" })]
public sealed class TestWidgetCommand : FixtureAwsCmdlet
{
    /// <summary>The widget to check.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("WidgetName")]
    public string Name { get; set; } = "";

    /// <summary>Return only $true or $false.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Quiet")]
    public SwitchParameter Quiet { get; set; }

    /// <summary>Write one row per check.</summary>
    [Parameter(ParameterSetName = "Detailed")]
    public SwitchParameter Detailed { get; set; }
}
