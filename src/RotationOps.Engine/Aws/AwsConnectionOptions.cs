using System;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.Aws;

/// <summary>
/// What the user said about where and as whom to call AWS (the common cmdlet parameters).
/// Anything left null is resolved through the AWS SDK chain: environment, shared config and
/// credentials files, SSO and assume-role profiles, container and instance roles.
/// </summary>
public sealed class AwsConnectionOptions
{
    public string? Region { get; set; }

    /// <summary>A named profile; one that does not exist is an error, never a fall-back.</summary>
    public string? ProfileName { get; set; }

    /// <summary>Wins over AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWS_ENDPOINT_URL and profile endpoint_url.</summary>
    public Uri? EndpointUrl { get; set; }

    /// <summary>Explicit keys (-Credential): access key id as user name, secret key as password.</summary>
    public string? AccessKeyId { get; set; }

    public SensitiveValue? SecretAccessKey { get; set; }

    public string? SessionToken { get; set; }

    /// <summary>Per-attempt HTTP timeout.</summary>
    public TimeSpan CallTimeout { get; set; } = DefaultCallTimeout;

    /// <summary>How long a call may go unanswered unless the caller says otherwise.</summary>
    public static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound on the time one operation may spend retrying.</summary>
    public TimeSpan MaxRetryTime { get; set; } = TimeSpan.FromMinutes(2);

    public int MaxAttempts { get; set; } = 6;

    /// <summary>
    /// These settings for another region or named profile (a pipeline item's own -Region and
    /// -ProfileName); null keeps this one's. Endpoint, keys and call limits stay the same.
    /// </summary>
    public AwsConnectionOptions At(string? region, string? profileName)
    {
        var copy = (AwsConnectionOptions)MemberwiseClone();
        copy.Region = region ?? Region;
        copy.ProfileName = profileName ?? ProfileName;
        return copy;
    }
}
