using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace RotationOps.Engine.Aws.Http;

/// <summary>
/// SigV4 through AWSSDK.Core's public signer. The credential scope uses the service's signing name
/// and the connection's region — never parts of the URL, which may be a local endpoint.
/// </summary>
internal sealed class AwsRequestSigner
{
    private readonly ResolvedCredentials _credentials;
    private readonly RegionEndpoint _region;
    private readonly string _signingName;

    public AwsRequestSigner(ResolvedCredentials credentials, string region, string signingName)
    {
        _credentials = credentials;
        _region = RegionEndpoint.GetBySystemName(region);
        _signingName = signingName;
    }

    /// <summary>
    /// The headers to add: Authorization, X-Amz-Date, X-Amz-Content-SHA256 and, for temporary
    /// credentials, X-Amz-Security-Token. <paramref name="signedAt"/> is for test vectors only:
    /// AWS checks the signing time against its real clock, never against an injected one.
    /// </summary>
    public async Task<IDictionary<string, string>> SignAsync(HttpMethod method, Uri uri, IDictionary<string, string> headers,
        ArraySegment<byte> body, DateTime? signedAt = null)
    {
        ImmutableCredentials keys = await FetchCredentialsAsync().ConfigureAwait(false);
        var request = new AWSSigningRequest { HttpMethod = method, RequestUri = uri };
        foreach (KeyValuePair<string, string> header in headers)
            request.Headers[header.Key] = header.Value;
        if (body.Count > 0)
            request.ContentStream = new MemoryStream(body.Array!, body.Offset, body.Count, writable: false);

        var parameters = new AWSSigV4Parameters
        {
            Credentials = keys.UseToken
                ? new SessionAWSCredentials(keys.AccessKey, keys.SecretKey, keys.Token)
                : (AWSCredentials)new BasicAWSCredentials(keys.AccessKey, keys.SecretKey),
            Region = _region,
            Service = _signingName,
            SignPayload = true,
            SignedAt = signedAt,
        };
        return AWSSigV4Signer.Sign(request, parameters).Headers;
    }

    /// <summary>
    /// Fetched per attempt: SSO, assume-role and instance credentials refresh themselves. A failure
    /// here (expired SSO token, denied AssumeRole, no credentials at all) is a configuration
    /// problem, reported as such and never retried.
    /// </summary>
    private async Task<ImmutableCredentials> FetchCredentialsAsync()
    {
        try
        {
            return await _credentials.Credentials.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is AmazonClientException || e is InvalidOperationException)
        {
            string hint = _credentials.FailureHint is null ? "" : " " + _credentials.FailureHint;
            throw new AwsConfigurationException(_credentials.ParameterName,
                $"Could not get AWS credentials ({_credentials.Description}): {e.Message}{hint}", e);
        }
    }
}
