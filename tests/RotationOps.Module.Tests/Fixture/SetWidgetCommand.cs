using System.Management.Automation;

namespace ContractFixture;

/// <summary>
/// <para type="synopsis">Changes a widget.</para>
/// <para type="description">Keeps every contract: sealed, approved verb, ShouldProcess, two reachable sets.</para>
/// </summary>
/// <example>
///   <code>Set-Widget -Name w1 -Color red</code>
///   <para>Paints w1 red.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "Widget", SupportsShouldProcess = true, DefaultParameterSetName = "ByName")]
[OutputType(typeof(Widget))]
public sealed class SetWidgetCommand : FixtureAwsCmdlet
{
    /// <summary>The widget's name.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ByName", ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    /// <summary>The widget's id.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "ById", ValueFromPipelineByPropertyName = true)]
    public string Id { get; set; } = "";

    /// <summary>The new colour.</summary>
    [Parameter]
    [Alias("Colour")]
    public string[]? Color { get; set; }
}
