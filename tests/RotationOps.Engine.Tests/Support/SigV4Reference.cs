using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace RotationOps.Engine.Tests.Support;

/// <summary>
/// An independent SigV4 implementation written from the AWS specification, used to check the
/// production signer. It is itself anchored to AWS's published test-suite vectors, and verifies
/// a request the way a server does: from what arrived on the wire.
/// </summary>
internal static class SigV4Reference
{
    private static readonly Regex AuthorizationPattern = new Regex(
        @"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, SignedHeaders=(?<headers>[^,]+), Signature=(?<signature>[0-9a-f]{64})$");

    public static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    public static string PayloadHash(byte[] body) => Hex(SHA256.HashData(body));

    public static string CanonicalRequest(string method, string wirePath, string wireQuery,
        IReadOnlyDictionary<string, string> headers, IReadOnlyList<string> signedHeaders, string payloadHash)
    {
        var builder = new StringBuilder();
        builder.Append(method).Append('\n');
        // Non-S3 services encode the path as received once more, segment by segment.
        builder.Append(string.Join("/", wirePath.Split('/').Select(Encode))).Append('\n');
        builder.Append(CanonicalQuery(wireQuery)).Append('\n');
        foreach (string name in signedHeaders)
        {
            string value = headers.First(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
            builder.Append(name).Append(':').Append(Regex.Replace(value.Trim(), " +", " ")).Append('\n');
        }
        builder.Append('\n').Append(string.Join(";", signedHeaders)).Append('\n').Append(payloadHash);
        return builder.ToString();
    }

    public static string Signature(string secretKey, string amzDate, string region, string service, string canonicalRequest)
    {
        string day = amzDate.Substring(0, 8);
        string scope = $"{day}/{region}/{service}/aws4_request";
        string stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        byte[] key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), day);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    /// <summary>Checks a received request like a SigV4 server; returns null when valid, else why not.</summary>
    public static string? Verify(CapturedRequest request, string secretKey, out SigV4Scope? scope)
    {
        scope = null;
        Match match = AuthorizationPattern.Match(request.Header("Authorization"));
        if (!match.Success) return "no well-formed Authorization header";
        scope = new SigV4Scope(match.Groups["key"].Value, match.Groups["region"].Value, match.Groups["service"].Value);
        string amzDate = request.Header("X-Amz-Date");
        if (!amzDate.StartsWith(match.Groups["date"].Value, StringComparison.Ordinal)) return "X-Amz-Date does not match the scope date";
        var signed = match.Groups["headers"].Value.Split(';');
        if (!signed.Contains("host")) return "host is not signed";
        string payloadHash = PayloadHash(request.Body);
        if (request.Headers.TryGetValue("x-amz-content-sha256", out string? claimed) && claimed != payloadHash)
            return "x-amz-content-sha256 does not match the body";
        string canonical = CanonicalRequest(request.Method.Method, request.Uri.AbsolutePath, request.Uri.Query.TrimStart('?'),
            request.Headers, signed, payloadHash);
        string expected = Signature(secretKey, amzDate, scope.Region, scope.Service, canonical);
        return expected == match.Groups["signature"].Value ? null : "signature mismatch";
    }

    private static string CanonicalQuery(string query)
    {
        if (query.Length == 0) return "";
        return string.Join("&", query.Split('&')
            .Select(pair => pair.Split(new[] { '=' }, 2))
            .Select(parts => (Key: Encode(Uri.UnescapeDataString(parts[0])), Value: Encode(Uri.UnescapeDataString(parts.Length > 1 ? parts[1] : ""))))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));
    }

    private static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            char c = (char)b;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~')
                builder.Append(c);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
