using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using RotationOps.Sandbox.Errors;
using RotationOps.Sandbox.Hosting;

namespace RotationOps.Sandbox.Auth;

/// <summary>
/// Verifies the SigV4 signature of every AWS call, with AWS's error codes and texts, so a client
/// that signs wrongly fails here exactly as it would against AWS.
/// </summary>
/// <remarks>
/// Clock skew is judged against real time, not the virtual clock: the client signs with its own
/// wall clock, and a Sandbox skipped a month ahead must still accept it.
/// </remarks>
internal sealed class SigV4Verifier(string accessKeyId, string secretAccessKey, string region, TimeProvider realTime)
{
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    public void Verify(AwsRequest request, string signingName)
    {
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            throw CommonErrors.MissingAuthentication();
        }

        var authorization = SigV4Authorization.Parse(header);
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            throw CommonErrors.IncompleteSignature(
                $"Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization={header}");
        }

        CheckScope(authorization, amzDate, signingName);
        if (!string.Equals(authorization.AccessKeyId, accessKeyId, StringComparison.Ordinal))
        {
            throw CommonErrors.UnrecognizedClient();
        }

        CheckSkew(amzDate, signedAt);
        if (!authorization.SignedHeaders.Contains("host", StringComparer.Ordinal))
        {
            throw CommonErrors.InvalidSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        var canonicalRequest = SigV4CanonicalRequest.Build(request, authorization.SignedHeaders);
        var stringToSign = string.Join('\n',
            SigV4Authorization.Algorithm,
            amzDate,
            authorization.Scope,
            SigV4CanonicalRequest.Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var expected = SigV4CanonicalRequest.Hex(HMACSHA256.HashData(SigningKey(authorization), Encoding.UTF8.GetBytes(stringToSign)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature)))
        {
            // AWS shows what it signed so a client author can diff it; neither string holds a secret.
            throw CommonErrors.InvalidSignature(
                "The request signature we calculated does not match the signature you provided. "
                + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n"
                + $"The Canonical String for this request should have been\n'{canonicalRequest}'\n\n"
                + $"The String-to-Sign should have been\n'{stringToSign}'\n");
        }
    }

    private void CheckScope(SigV4Authorization authorization, string amzDate, string signingName)
    {
        if (!string.Equals(authorization.ScopeDate, amzDate[..8], StringComparison.Ordinal))
        {
            throw CommonErrors.InvalidSignature(
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{authorization.ScopeDate}' != '{amzDate[..8]}', from '{amzDate}'.");
        }

        if (!string.Equals(authorization.ScopeRegion, region, StringComparison.Ordinal))
        {
            throw CommonErrors.InvalidSignature(
                $"Credential should be scoped to a valid region, not '{authorization.ScopeRegion}'. ");
        }

        if (!string.Equals(authorization.ScopeService, signingName, StringComparison.Ordinal))
        {
            throw CommonErrors.InvalidSignature($"Credential should be scoped to correct service: '{signingName}'. ");
        }

        if (!string.Equals(authorization.ScopeTerminator, "aws4_request", StringComparison.Ordinal))
        {
            throw CommonErrors.InvalidSignature(
                $"Credential should be scoped with a valid terminator: 'aws4_request', not '{authorization.ScopeTerminator}'. ");
        }
    }

    private void CheckSkew(string amzDate, DateTimeOffset signedAt)
    {
        var now = realTime.GetUtcNow();
        const string format = "yyyyMMdd'T'HHmmss'Z'";
        if (signedAt < now - AllowedSkew)
        {
            throw CommonErrors.InvalidSignature(
                $"Signature expired: {amzDate} is now earlier than {(now - AllowedSkew).ToString(format, CultureInfo.InvariantCulture)} ({now.ToString(format, CultureInfo.InvariantCulture)} - 15 min.)");
        }

        if (signedAt > now + AllowedSkew)
        {
            throw CommonErrors.InvalidSignature(
                $"Signature not yet current: {amzDate} is still later than {(now + AllowedSkew).ToString(format, CultureInfo.InvariantCulture)} ({now.ToString(format, CultureInfo.InvariantCulture)} + 15 min.)");
        }
    }

    private byte[] SigningKey(SigV4Authorization authorization)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(authorization.ScopeDate));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(authorization.ScopeRegion));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(authorization.ScopeService));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(authorization.ScopeTerminator));
    }
}
