using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.SecretsManager;

/// <summary>
/// The Secrets Manager operations RotationOps uses, named after the AWS API so the official
/// AWSSDK.SecretsManager client could stand behind it in one adapter file. Failures surface as
/// <see cref="Aws.AwsServiceException"/> after the safe retries are spent.
/// </summary>
public interface ISecretsManagerClient
{
    /// <summary>Where the calls go (region, named profile): output objects carry it on down the pipeline.</summary>
    Aws.AwsLocation Location { get; }

    Task<SecretDescription> DescribeSecretAsync(string secretId, CancellationToken cancellationToken);

    /// <summary>Reads one version; with neither VersionId nor VersionStage, AWSCURRENT.</summary>
    Task<SecretValue> GetSecretValueAsync(string secretId, string? versionId, string? versionStage, CancellationToken cancellationToken);

    Task<SecretVersionRef> PutSecretValueAsync(PutSecretValueRequest request, CancellationToken cancellationToken);

    Task UpdateSecretVersionStageAsync(UpdateSecretVersionStageRequest request, CancellationToken cancellationToken);

    Task<SecretVersionRef> RotateSecretAsync(RotateSecretRequest request, CancellationToken cancellationToken);

    Task<SensitiveValue> GetRandomPasswordAsync(RandomPasswordRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The first page of ListSecrets (at most <paramref name="maxResults"/>, 1–100), filtered by AWS on
    /// the start of the name when <paramref name="namePrefix"/> is given. Metadata only, never a value.
    /// </summary>
    Task<IReadOnlyList<SecretDescription>> ListSecretsAsync(string? namePrefix, int maxResults, CancellationToken cancellationToken);

    /// <summary>The first page of ListSecretVersionIds (at most <paramref name="maxResults"/>, 1–100), labelled versions only.</summary>
    Task<IReadOnlyList<SecretVersionEntry>> ListSecretVersionIdsAsync(string secretId, int maxResults, CancellationToken cancellationToken);
}
