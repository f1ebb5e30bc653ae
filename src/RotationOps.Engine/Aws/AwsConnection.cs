using System;
using Amazon.Runtime.CredentialManagement;
using RotationOps.Engine.Aws.RateLimiting;

namespace RotationOps.Engine.Aws;

/// <summary>
/// Resolved connection settings: as whom (credentials), where (region, and per-service endpoints)
/// and with which call limits. Resolving checks everything that can be checked without calling
/// AWS, so a wrong -ProfileName or a missing region fails before the first request.
/// </summary>
public sealed class AwsConnection
{
    private readonly CredentialProfile? _profile;
    private readonly Uri? _explicitEndpoint;

    private AwsConnection(AwsConnectionOptions options, ResolvedCredentials credentials, string region, string regionSource,
        CredentialProfile? profile, AwsRateLimits rateLimits)
    {
        RateLimits = rateLimits;
        Credentials = credentials;
        Region = region;
        RegionSource = regionSource;
        _profile = profile;
        ProfileName = string.IsNullOrWhiteSpace(options.ProfileName) ? null : options.ProfileName!.Trim();
        // A snapshot: the options object is mutable and shared by the caller.
        _explicitEndpoint = options.EndpointUrl;
        CallTimeout = options.CallTimeout;
        MaxRetryTime = options.MaxRetryTime;
        MaxAttempts = options.MaxAttempts;
    }

    public string Region { get; }

    /// <summary>The profile -ProfileName named, or null when the default chain chose the credentials.</summary>
    public string? ProfileName { get; }

    public AwsLocation Location => new AwsLocation(Region, ProfileName);

    /// <summary>Which setting chose the region: "-Region", "AWS_REGION", "region of profile 'x'", ...</summary>
    public string RegionSource { get; }

    /// <summary>Redacted, e.g. "access key AKIA...XYZ from profile 'x'". Safe for verbose output.</summary>
    public string CredentialDescription => Credentials.Description;

    internal ResolvedCredentials Credentials { get; }

    internal TimeSpan CallTimeout { get; }

    internal TimeSpan MaxRetryTime { get; }

    internal int MaxAttempts { get; }

    /// <summary>The client-side pace per AWS quota group (ROTATIONOPS_RATE_LIMITS or AWS's documented rates).</summary>
    internal AwsRateLimits RateLimits { get; }

    /// <exception cref="AwsConfigurationException">The settings cannot work; the message says what to change.</exception>
    public static AwsConnection Resolve(AwsConnectionOptions options)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        ValidateCallLimits(options);
        AwsRateLimits rateLimits = AwsRateLimits.FromEnvironment();

        CredentialProfileStoreChain? store = null;
        CredentialProfile? namedProfile = null;
        if (!string.IsNullOrWhiteSpace(options.ProfileName))
        {
            string name = options.ProfileName!.Trim();
            store = AwsSharedProfiles.OpenStore();
            namedProfile = AwsSharedProfiles.Find(store, name) ?? throw new AwsConfigurationException("ProfileName",
                $"The profile '{name}' given by -ProfileName is not in {AwsSharedProfiles.Locations}. " +
                $"Check the name with 'aws configure list-profiles', or create it with 'aws configure --profile {name}'.");
        }

        ResolvedCredentials credentials = AwsCredentialResolver.Resolve(options, store, namedProfile);

        // The profile behind region and endpoint_url when -ProfileName is not given; read only if needed.
        CredentialProfile? settingsProfile = namedProfile;
        bool settingsProfileRead = namedProfile != null;
        CredentialProfile? SettingsProfile()
        {
            if (!settingsProfileRead)
            {
                settingsProfile = AwsSharedProfiles.Find(AwsSharedProfiles.DefaultProfileName);
                settingsProfileRead = true;
            }
            return settingsProfile;
        }

        string region = AwsRegionResolver.Resolve(options, namedProfile, SettingsProfile, out string regionSource);
        CredentialProfile? endpointProfile = options.EndpointUrl is null ? SettingsProfile() : null;
        return new AwsConnection(options, credentials, region, regionSource, endpointProfile, rateLimits);
    }

    /// <summary>The endpoint for one service; -EndpointUrl applies to every service.</summary>
    /// <exception cref="AwsConfigurationException">A configured endpoint URL is malformed.</exception>
    internal AwsServiceEndpoint ResolveEndpoint(AwsService service) =>
        AwsEndpointResolver.Resolve(service, _explicitEndpoint, Region, _profile);

    public override string ToString() => $"region {Region} ({RegionSource}), credentials: {CredentialDescription}";

    private static void ValidateCallLimits(AwsConnectionOptions options)
    {
        if (options.CallTimeout <= TimeSpan.Zero)
            throw new AwsConfigurationException("CallTimeout", $"CallTimeout must be positive; it is {options.CallTimeout}.");
        if (options.MaxRetryTime < TimeSpan.Zero)
            throw new AwsConfigurationException("MaxRetryTime", $"MaxRetryTime cannot be negative; it is {options.MaxRetryTime}.");
        if (options.MaxAttempts < 1)
            throw new AwsConfigurationException("MaxAttempts", $"MaxAttempts must be at least 1; it is {options.MaxAttempts}.");
    }
}
