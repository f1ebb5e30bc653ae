using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Aws.Http;
using RotationOps.Engine.Aws.Wire;
using RotationOps.Engine.SecretsManager.Wire;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.SecretsManager;

/// <summary>
/// Secrets Manager over awsJson1_1 (POST /, X-Amz-Target secretsmanager.&lt;Operation&gt;), signed with
/// SigV4 and retried by the shared <see cref="AwsHttpInvoker"/>. Request and response bodies live
/// in buffers that are zeroed once the call is over.
/// </summary>
public sealed class SecretsManagerClient : AwsServiceClient, ISecretsManagerClient
{
    private delegate T ResponseReader<T>(ReadOnlySpan<byte> body);

    /// <summary>ListSecrets' and ListSecretVersionIds' largest MaxResults.</summary>
    public const int MaxListResults = 100;

    private static readonly AwsJsonProtocol Protocol = new AwsJsonProtocol("secretsmanager", "1.1");

    private SecretsManagerClient(AwsHttpInvoker invoker)
        : base(invoker)
    {
    }

    /// <summary>
    /// Resolves credentials, region and endpoint now, and reports them on <paramref name="verbose"/>.
    /// Retry waits run on <paramref name="time"/>; per-attempt timeouts on real time.
    /// </summary>
    /// <exception cref="AwsConfigurationException">The connection settings cannot work.</exception>
    public static ISecretsManagerClient Create(AwsConnectionOptions options, TimeProvider time, Action<string>? verbose) =>
        Create(options, time, verbose, AwsHttpTransport.Shared, null);

    /// <summary>For tests: a stub transport and a seeded jitter source.</summary>
    internal static SecretsManagerClient Create(AwsConnectionOptions options, TimeProvider time, Action<string>? verbose,
        HttpClient http, Random? jitter) =>
        new SecretsManagerClient(AwsHttpInvoker.Connect(AwsService.SecretsManager, Protocol.ErrorParser, options, time, verbose, http, jitter));

    public Task<SecretDescription> DescribeSecretAsync(string secretId, CancellationToken cancellationToken) =>
        CallAsync("DescribeSecret", secretId, SecretsManagerRequests.SecretIdOnly(secretId),
            SecretsManagerResponses.Description, cancellationToken);

    public Task<SecretValue> GetSecretValueAsync(string secretId, string? versionId, string? versionStage, CancellationToken cancellationToken) =>
        CallAsync("GetSecretValue", secretId, SecretsManagerRequests.GetSecretValue(secretId, versionId, versionStage),
            SecretsManagerResponses.SecretValue, cancellationToken);

    public Task<SecretVersionRef> PutSecretValueAsync(PutSecretValueRequest request, CancellationToken cancellationToken)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        if (request.Value is null) throw new ArgumentException("PutSecretValue needs a value.", nameof(request));
        string token = string.IsNullOrEmpty(request.ClientRequestToken) ? NewClientRequestToken() : request.ClientRequestToken;
        return CallAsync("PutSecretValue", request.SecretId, SecretsManagerRequests.PutSecretValue(request, token),
            SecretsManagerResponses.VersionRef, cancellationToken);
    }

    public async Task UpdateSecretVersionStageAsync(UpdateSecretVersionStageRequest request, CancellationToken cancellationToken)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        await CallAsync("UpdateSecretVersionStage", request.SecretId, SecretsManagerRequests.UpdateSecretVersionStage(request),
            SecretsManagerResponses.VersionRef, cancellationToken).ConfigureAwait(false);
    }

    public Task<SecretVersionRef> RotateSecretAsync(RotateSecretRequest request, CancellationToken cancellationToken)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        string token = request.ClientRequestToken ?? NewClientRequestToken();
        return CallAsync("RotateSecret", request.SecretId, SecretsManagerRequests.RotateSecret(request, token),
            SecretsManagerResponses.VersionRef, cancellationToken);
    }

    public Task<SensitiveValue> GetRandomPasswordAsync(RandomPasswordRequest request, CancellationToken cancellationToken)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        return CallAsync("GetRandomPassword", "", SecretsManagerRequests.GetRandomPassword(request),
            SecretsManagerResponses.RandomPassword, cancellationToken);
    }

    public Task<IReadOnlyList<SecretDescription>> ListSecretsAsync(string? namePrefix, int maxResults, CancellationToken cancellationToken) =>
        CallAsync("ListSecrets", namePrefix ?? "", SecretsManagerRequests.ListSecrets(namePrefix, PageSize(maxResults)),
            SecretsManagerResponses.SecretList, cancellationToken);

    public Task<IReadOnlyList<SecretVersionEntry>> ListSecretVersionIdsAsync(string secretId, int maxResults, CancellationToken cancellationToken) =>
        CallAsync("ListSecretVersionIds", secretId, SecretsManagerRequests.ListSecretVersionIds(secretId, PageSize(maxResults)),
            SecretsManagerResponses.VersionList, cancellationToken);

    private async Task<T> CallAsync<T>(string operation, string targetId, SensitiveBufferWriter body, ResponseReader<T> read,
        CancellationToken cancellationToken)
    {
        using (AwsHttpRequest request = Protocol.CreateRequest(operation, targetId, body))
            return await Invoker.SendAsync(request, response => read(response.Body), cancellationToken).ConfigureAwait(false);
    }

    // Both listings take MaxResults 1–100; outside that AWS refuses the whole call.
    private static int PageSize(int maxResults)
    {
        if (maxResults < 1 || maxResults > MaxListResults)
            throw new ArgumentOutOfRangeException(nameof(maxResults), maxResults, $"Between 1 and {MaxListResults}.");
        return maxResults;
    }

    private static string NewClientRequestToken() => Guid.NewGuid().ToString("D");
}
