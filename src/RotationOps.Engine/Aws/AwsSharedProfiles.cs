using System;
using Amazon.Runtime.CredentialManagement;

namespace RotationOps.Engine.Aws;

/// <summary>
/// Profiles from the shared config and credentials files (and, on Windows, the SDK store that
/// AWS.Tools for PowerShell writes), read through AWSSDK.Core so that SSO, assume-role and
/// credential_process profiles behave exactly as in the AWS SDKs. Files are re-read on every
/// lookup: a long-lived PowerShell session sees edits made by `aws configure` or `aws sso login`.
/// </summary>
internal static class AwsSharedProfiles
{
    public const string ProfileVariable = "AWS_PROFILE";

    /// <summary>The profile the SDK chain uses when -ProfileName is not given: AWS_PROFILE, else "default".</summary>
    public static string DefaultProfileName
    {
        get
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable(ProfileVariable)?.Trim();
            return string.IsNullOrEmpty(fromEnvironment) ? "default" : fromEnvironment!;
        }
    }

    public static CredentialProfileStoreChain OpenStore() => new CredentialProfileStoreChain();

    public static CredentialProfile? Find(CredentialProfileStoreChain store, string name) =>
        store.TryGetProfile(name, out CredentialProfile profile) ? profile : null;

    public static CredentialProfile? Find(string name) => Find(OpenStore(), name);

    /// <summary>Where the files are, for messages that tell the user what to edit.</summary>
    public static string Locations =>
        $"{SharedCredentialsFile.DefaultConfigFilePath} and {SharedCredentialsFile.DefaultFilePath}";
}
