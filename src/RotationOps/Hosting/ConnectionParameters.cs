using System;
using System.Management.Automation;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Security;

namespace RotationOps.Commands.Hosting;

/// <summary>
/// The common parameters (-Region, -ProfileName, -EndpointUrl, -Credential, -CallTimeout) as engine
/// options. The cmdlets and the argument completers both build their options here, so a completion
/// reaches the same account, region and endpoint the command will.
/// </summary>
internal static class ConnectionParameters
{
    // Under a second no real AWS answer arrives reliably; past 15 minutes a dead connection would hold a bake's lock for long.
    private static readonly TimeSpan MinCallTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxCallTimeout = TimeSpan.FromMinutes(15);

    /// <exception cref="RunbookException">InvalidParameter naming -CallTimeout or -EndpointUrl.</exception>
    public static AwsConnectionOptions ToOptions(string? region, string? profileName, string? endpointUrl, PSCredential? credential,
        TimeSpan callTimeout)
    {
        if (callTimeout < MinCallTimeout || callTimeout > MaxCallTimeout)
            throw RunbookException.InvalidParameter("CallTimeout",
                $"{callTimeout} is outside 00:00:01 to 00:15:00: give how long one call may go unanswered, e.g. 00:00:30.");
        var options = new AwsConnectionOptions { Region = region, ProfileName = profileName, CallTimeout = callTimeout };
        if (endpointUrl != null)
        {
            if (!Uri.TryCreate(endpointUrl, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != "https" && endpoint.Scheme != "http"))
                throw RunbookException.InvalidParameter("EndpointUrl", $"'{endpointUrl}' is not an absolute http(s) URL, e.g. http://127.0.0.1:4566.");
            options.EndpointUrl = endpoint;
        }
        if (credential != null)
        {
            options.AccessKeyId = credential.UserName;
            options.SecretAccessKey = SensitiveValue.FromSecureString(credential.Password);
        }
        return options;
    }
}
