using System;
using System.IO;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace RotationOps.Engine.Aws;

/// <summary>
/// Picks the credentials for a connection: explicit keys (-Credential), else the named profile
/// (-ProfileName, which must exist), else the SDK default chain (environment, web identity,
/// AWS_PROFILE or "default" profile, container, instance profile).
/// </summary>
internal static class AwsCredentialResolver
{
    public static ResolvedCredentials Resolve(AwsConnectionOptions options, CredentialProfileStoreChain? store, CredentialProfile? namedProfile)
    {
        if (!string.IsNullOrEmpty(options.AccessKeyId) || options.SecretAccessKey != null)
            return FromExplicitKeys(options);
        if (namedProfile != null)
            return FromProfile(store!, namedProfile, "ProfileName");
        return FromDefaultChain();
    }

    private static ResolvedCredentials FromExplicitKeys(AwsConnectionOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AccessKeyId))
            throw new AwsConfigurationException("Credential",
                "-Credential has a secret access key but no access key id. Pass the access key id as the user name of the PSCredential.");
        if (options.SecretAccessKey is null || options.SecretAccessKey.Length == 0)
            throw new AwsConfigurationException("Credential",
                $"-Credential has the access key id {Redact(options.AccessKeyId!)} but no secret access key. Pass the secret key as the password of the PSCredential.");

        string accessKeyId = options.AccessKeyId!.Trim();
        AWSCredentials credentials = string.IsNullOrEmpty(options.SessionToken)
            ? new BasicAWSCredentials(accessKeyId, options.SecretAccessKey.Reveal())
            : (AWSCredentials)new SessionAWSCredentials(accessKeyId, options.SecretAccessKey.Reveal(), options.SessionToken);
        string token = string.IsNullOrEmpty(options.SessionToken) ? "" : " with a session token";
        return new ResolvedCredentials(credentials, $"access key {Redact(accessKeyId)} from -Credential{token}", "Credential");
    }

    private static ResolvedCredentials FromProfile(CredentialProfileStoreChain store, CredentialProfile profile, string parameterName)
    {
        if (!profile.CanCreateAWSCredentials)
            throw Unusable(profile, parameterName, "it has no credential settings.", null);
        AWSCredentials credentials;
        try
        {
            credentials = profile.GetAWSCredentials(store);
        }
        catch (Exception e) when (e is AmazonClientException || e is InvalidOperationException || e is ArgumentException || e is InvalidDataException)
        {
            throw Unusable(profile, parameterName, e.Message, e);
        }
        return new ResolvedCredentials(credentials, DescribeProfile(profile, credentials), parameterName, FailureHint(profile));
    }

    private static AwsConfigurationException Unusable(CredentialProfile profile, string parameterName, string reason, Exception? inner) =>
        new AwsConfigurationException(parameterName,
            $"The profile '{profile.Name}' cannot supply credentials: {reason} " +
            "A profile needs aws_access_key_id/aws_secret_access_key, role_arn with source_profile or credential_source, " +
            $"sso_session or sso_start_url settings, or credential_process ({AwsSharedProfiles.Locations}).", inner);

    private static ResolvedCredentials FromDefaultChain()
    {
        AWSCredentials credentials;
        // A fresh resolver per connection: the SDK's shared one caches across environment and file
        // changes that a long-lived PowerShell session (or a test) makes.
        using (var resolver = new DefaultAWSCredentialsIdentityResolver())
        {
            try
            {
                credentials = resolver.ResolveIdentity(null);
            }
            catch (ProfileNotFoundException e)
            {
                throw new AwsConfigurationException("ProfileName",
                    $"AWS_PROFILE names the profile '{AwsSharedProfiles.DefaultProfileName}', which is not in {AwsSharedProfiles.Locations}. " +
                    "Correct AWS_PROFILE, or pass -ProfileName or -Credential.", e);
            }
            catch (AmazonClientException e)
            {
                throw new AwsConfigurationException("Credential",
                    "No AWS credentials were found. Pass -Credential or -ProfileName, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, " +
                    $"or configure a profile ({AwsSharedProfiles.Locations}). The SDK said: {e.Message}", e);
            }
        }

        switch (credentials)
        {
            case EnvironmentVariablesAWSCredentials environment:
                return new ResolvedCredentials(credentials,
                    $"access key {Redact(environment.GetCredentials().AccessKey)} from environment variables", "Credential");
            case AssumeRoleWithWebIdentityCredentials _:
                return new ResolvedCredentials(credentials,
                    $"web identity role {Environment.GetEnvironmentVariable("AWS_ROLE_ARN")} (AWS_WEB_IDENTITY_TOKEN_FILE)", "Credential");
            case GenericContainerCredentials _:
                return new ResolvedCredentials(credentials, "container credentials (ECS/EKS)", "Credential");
        }

        // What is left came from the AWS_PROFILE (or "default") profile if that one can make
        // credentials; otherwise the chain ended at the EC2 instance profile (an SDK-internal type).
        CredentialProfile? profile = AwsSharedProfiles.Find(AwsSharedProfiles.DefaultProfileName);
        if (profile is null || !profile.CanCreateAWSCredentials)
            return new ResolvedCredentials(credentials, "EC2 instance profile", "Credential",
                "No other credentials are configured: pass -Credential or -ProfileName, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.");
        return new ResolvedCredentials(credentials, DescribeProfile(profile, credentials), "ProfileName", FailureHint(profile));
    }

    private static string DescribeProfile(CredentialProfile profile, AWSCredentials credentials)
    {
        CredentialProfileOptions o = profile.Options;
        string from = $"profile '{profile.Name}'";
        if (credentials is BasicAWSCredentials || credentials is SessionAWSCredentials)
            return $"access key {Redact(credentials.GetCredentials().AccessKey)} from {from}";
        if (!string.IsNullOrEmpty(o.RoleArn))
            return $"role {o.RoleArn} assumed through {from}";
        if (!string.IsNullOrEmpty(o.SsoAccountId))
            return $"SSO role {o.SsoRoleName} in account {o.SsoAccountId} from {from}";
        if (!string.IsNullOrEmpty(o.CredentialProcess))
            return $"credential_process of {from}";
        return from;
    }

    private static string? FailureHint(CredentialProfile profile)
    {
        CredentialProfileOptions o = profile.Options;
        if (!string.IsNullOrEmpty(o.SsoAccountId) || !string.IsNullOrEmpty(o.SsoSession) || !string.IsNullOrEmpty(o.SsoStartUrl))
            return $"Sign in with 'aws sso login --profile {profile.Name}' and try again.";
        if (!string.IsNullOrEmpty(o.RoleArn))
            return $"Check that the source credentials of profile '{profile.Name}' are valid and may assume {o.RoleArn}.";
        return null;
    }

    /// <summary>Enough of an access key id to tell keys apart in a log, not enough to be one.</summary>
    internal static string Redact(string accessKeyId) =>
        accessKeyId.Length <= 8 ? "***" : accessKeyId.Substring(0, 4) + "..." + accessKeyId.Substring(accessKeyId.Length - 3);
}
