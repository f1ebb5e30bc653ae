using System.Management.Automation;

namespace ContractFixture;

// Breaks every rule once: not sealed, unapproved (and so mutating) verb without ShouldProcess,
// an [OutputType] naming no type, a default set that does not exist, a set ("Narrow") that
// "Wide" always shadows, nothing bound by property name, no -EndpointUrl, a string -Credential,
// and no help text.
[Cmdlet("Frob", "Widget", DefaultParameterSetName = "Missing")]
[OutputType("ContractFixture.NoSuchType")]
public class FrobWidgetCommand : PSCmdlet
{
    [Parameter(Mandatory = true, ParameterSetName = "Wide")]
    [Parameter(Mandatory = true, ParameterSetName = "Narrow")]
    public string Target { get; set; } = "";

    [Parameter(ParameterSetName = "Wide")]
    public int Depth { get; set; }

    [Parameter]
    public string? Region { get; set; }

    [Parameter]
    public string? ProfileName { get; set; }

    [Parameter(Mandatory = true)]
    public string? Credential { get; set; }
}
