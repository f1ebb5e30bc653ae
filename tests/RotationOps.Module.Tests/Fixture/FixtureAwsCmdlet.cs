using System.Management.Automation;

namespace ContractFixture;

/// <summary>The common AWS parameters, declared once as the real module does.</summary>
public abstract class FixtureAwsCmdlet : PSCmdlet
{
    /// <summary>The AWS region.</summary>
    [Parameter]
    public string? Region { get; set; }

    /// <summary>The shared-config profile.</summary>
    [Parameter]
    public string? ProfileName { get; set; }

    /// <summary>The endpoint to call instead of AWS's.</summary>
    [Parameter]
    public string? EndpointUrl { get; set; }

    /// <summary>Access key id as user name, secret key as password.</summary>
    [Parameter]
    public PSCredential? Credential { get; set; }
}
