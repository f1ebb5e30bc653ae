using Amazon.Runtime;

namespace RotationOps.Engine.Aws;

/// <summary>The SDK credentials object chosen for a connection, with what to tell the user about it.</summary>
internal sealed class ResolvedCredentials
{
    public ResolvedCredentials(AWSCredentials credentials, string description, string parameterName, string? failureHint = null)
    {
        Credentials = credentials;
        Description = description;
        ParameterName = parameterName;
        FailureHint = failureHint;
    }

    /// <summary>May fetch lazily (SSO, assume-role, container, instance profile) and refreshes itself.</summary>
    public AWSCredentials Credentials { get; }

    /// <summary>Redacted: "access key AKIA...XYZ from profile 'x'". Never a secret.</summary>
    public string Description { get; }

    /// <summary>The cmdlet parameter to change when these credentials cannot be obtained.</summary>
    public string ParameterName { get; }

    /// <summary>What to do when fetching them fails, e.g. "Run 'aws sso login --profile x'."</summary>
    public string? FailureHint { get; }
}
