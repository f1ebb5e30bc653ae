using System;

namespace RotationOps.Engine.Aws;

/// <summary>
/// The connection settings cannot work: a missing profile, no region, a malformed endpoint, keys
/// without a secret, or credentials the SDK could not obtain. Raised before any AWS call is made,
/// or (for credentials fetched lazily, such as SSO or assume-role) instead of making it. The
/// message says what to change; <see cref="ParameterName"/> names the cmdlet parameter that fixes it.
/// </summary>
public sealed class AwsConfigurationException : Exception
{
    public AwsConfigurationException(string parameterName, string message, Exception? inner = null)
        : base(message, inner)
    {
        ParameterName = parameterName;
    }

    /// <summary>The common cmdlet parameter that fixes the problem, e.g. "Region" or "ProfileName".</summary>
    public string ParameterName { get; }
}
