using System;
using Amazon;
using Amazon.Runtime.CredentialManagement;

namespace RotationOps.Engine.Aws;

/// <summary>
/// Where one service's calls go, by the AWS SDKs' configured-endpoint rules: -EndpointUrl, else
/// AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWS_ENDPOINT_URL, the profile's endpoint_url (all three skipped when
/// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS, or the profile's ignore_configured_endpoint_urls, is true),
/// else the service's public endpoint for the region.
/// </summary>
internal static class AwsEndpointResolver
{
    public const string GlobalVariable = "AWS_ENDPOINT_URL";
    public const string IgnoreVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    public static AwsServiceEndpoint Resolve(AwsService service, Uri? explicitUrl, string region, CredentialProfile? profile)
    {
        if (explicitUrl != null)
            return Accept(service, explicitUrl.OriginalString, "-EndpointUrl");

        if (!IgnoreConfigured(profile))
        {
            foreach (string variable in new[] { service.EndpointEnvironmentVariable, GlobalVariable })
            {
                string? value = Environment.GetEnvironmentVariable(variable);
                if (!string.IsNullOrWhiteSpace(value))
                    return Accept(service, value!, variable);
            }
            if (!string.IsNullOrWhiteSpace(profile?.EndpointUrl))
                return Accept(service, profile!.EndpointUrl, $"endpoint_url of profile '{profile.Name}'");
        }

        // The partition's DNS suffix (amazonaws.com, amazonaws.com.cn, ...) comes from the SDK's region data.
        string dnsSuffix = RegionEndpoint.GetBySystemName(region).PartitionDnsSuffix ?? "amazonaws.com";
        return new AwsServiceEndpoint(service.SigningName,
            new Uri($"https://{service.SigningName}.{region}.{dnsSuffix}/"), "default for the region");
    }

    private static bool IgnoreConfigured(CredentialProfile? profile)
    {
        string? value = Environment.GetEnvironmentVariable(IgnoreVariable);
        if (!string.IsNullOrWhiteSpace(value))
            return string.Equals(value!.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        return profile?.IgnoreConfiguredEndpointUrls == true;
    }

    private static AwsServiceEndpoint Accept(AwsService service, string value, string source)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out Uri? url) ||
            (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) ||
            url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            throw new AwsConfigurationException("EndpointUrl",
                $"The endpoint '{value}' from {source} is not usable: give an absolute http:// or https:// URL " +
                "without query, fragment or user info, for example http://127.0.0.1:4566.");
        }
        return new AwsServiceEndpoint(service.SigningName, url, source);
    }
}
