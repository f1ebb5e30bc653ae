using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Errors;

namespace RotationOps.Engine.SecretsManager;

internal static class SecretLookup
{
    /// <summary>DescribeSecret, with a missing secret reported against -SecretId.</summary>
    public static async Task<SecretDescription> DescribeAsync(ISecretsManagerClient client, string secretId, CancellationToken cancellationToken)
    {
        try
        {
            return await client.DescribeSecretAsync(secretId, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.IsNotFound)
        {
            throw new RunbookException("SecretNotFound", RunbookErrorCategory.ObjectNotFound,
                $"Secret '{secretId}' was not found in this account and region (check -SecretId, -Region and -ProfileName).",
                secretId, "SecretId", ex);
        }
    }
}
