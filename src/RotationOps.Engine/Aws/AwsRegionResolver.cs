using System;
using System.Text.RegularExpressions;
using Amazon.Runtime.CredentialManagement;
using Amazon.Util;

namespace RotationOps.Engine.Aws;

/// <summary>
/// The region a connection talks to: -Region, else the region of the profile named by -ProfileName,
/// else AWS_REGION, AWS_DEFAULT_REGION, the AWS_PROFILE (or "default") profile, and EC2 instance
/// metadata (skipped when AWS_EC2_METADATA_DISABLED is true).
/// </summary>
/// <remarks>
/// An explicit -ProfileName's region beats the environment: a CI job exporting AWS_REGION must not
/// silently send `-ProfileName eu-prod` to another region's secrets. This order is done here
/// rather than by FallbackRegionFactory because that factory caches its answer for the process
/// (and its profile file paths), ignores AWS_DEFAULT_REGION, and knows nothing of -ProfileName.
/// </remarks>
internal static class AwsRegionResolver
{
    private static readonly Regex RegionName = new Regex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);

    public static string Resolve(AwsConnectionOptions options, CredentialProfile? namedProfile, Func<CredentialProfile?> defaultProfile, out string source)
    {
        if (!string.IsNullOrWhiteSpace(options.Region))
            return Accept(options.Region!, source = "-Region", "Region");

        if (namedProfile?.Region != null)
            return Accept(namedProfile.Region.SystemName, source = $"region of profile '{namedProfile.Name}'", "ProfileName");

        foreach (string variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
        {
            string? value = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrWhiteSpace(value))
                return Accept(value!, source = variable, "Region");
        }

        CredentialProfile? profile = namedProfile ?? defaultProfile();
        if (profile?.Region != null)
            return Accept(profile.Region.SystemName, source = $"region of profile '{profile.Name}'", "Region");

        if (EC2InstanceMetadata.IsIMDSEnabled)
        {
            string? fromMetadata = EC2InstanceMetadata.Region?.SystemName;
            if (!string.IsNullOrEmpty(fromMetadata))
                return Accept(fromMetadata!, source = "EC2 instance metadata", "Region");
        }

        string profileName = namedProfile?.Name ?? AwsSharedProfiles.DefaultProfileName;
        throw new AwsConfigurationException("Region",
            "No AWS region is set. Pass -Region (for example -Region eu-west-1), set AWS_REGION, " +
            $"or add 'region = ...' to the profile '{profileName}' in {SharedCredentialsFile.DefaultConfigFilePath}.");
    }

    private static string Accept(string region, string source, string parameterName)
    {
        string trimmed = region.Trim();
        // The region becomes part of a host name and of the signature scope; refuse anything else early.
        if (!RegionName.IsMatch(trimmed))
            throw new AwsConfigurationException(parameterName,
                $"'{trimmed}' (from {source}) is not an AWS region name. Use a name such as us-east-1 or eu-west-1.");
        return trimmed;
    }
}
