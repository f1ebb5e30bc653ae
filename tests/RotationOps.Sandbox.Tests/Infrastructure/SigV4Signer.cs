using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;

namespace RotationOps.Sandbox.Tests.Infrastructure;

/// <summary>
/// A minimal SigV4 signer for the C# tests' requests (the CLI tests use botocore's): awsJson POSTs
/// with <c>X-Amz-Target</c> and restJson calls with any method, path and query string.
/// </summary>
internal static class SigV4Signer
{
    public static void Sign(HttpRequestMessage request, byte[] body, string accessKeyId, string secretAccessKey, string region,
        string service, DateTimeOffset signedAt)
    {
        var amzDate = signedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        request.Headers.Remove("X-Amz-Date");
        request.Headers.Add("X-Amz-Date", amzDate);
        var uri = request.RequestUri!;
        var headers = new List<(string Name, string Value)>();
        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers.Add(("content-type", contentType.ToString()));
        }

        headers.Add(("host", uri.Authority));
        headers.Add(("x-amz-date", amzDate));
        if (request.Headers.TryGetValues("X-Amz-Target", out var target))
        {
            headers.Add(("x-amz-target", target.Single()));
        }

        var signedHeaders = string.Join(';', headers.Select(h => h.Name));
        var canonical = string.Join('\n',
            request.Method.Method,
            CanonicalPath(uri.AbsolutePath),
            CanonicalQuery(uri.Query),
            string.Concat(headers.Select(h => $"{h.Name}:{h.Value}\n")),
            signedHeaders,
            Hex(SHA256.HashData(body)));
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretAccessKey);
        foreach (var part in new[] { date, region, service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={accessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    /// <summary>Every service but S3 signs the already-encoded path encoded once more.</summary>
    private static string CanonicalPath(string encodedPath) => string.Join('/', encodedPath.Split('/').Select(Uri.EscapeDataString));

    private static string CanonicalQuery(string query) =>
        string.Join('&', query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Name: Uri.EscapeDataString(Uri.UnescapeDataString(parts[0])), Value: Uri.EscapeDataString(Uri.UnescapeDataString(parts.Length > 1 ? parts[1] : string.Empty))))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
