using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;

namespace RotationOps.Sandbox.Tests.Infrastructure;

/// <summary>A minimal SigV4 signer for the C# tests' requests (the CLI tests use botocore's).</summary>
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
        var headers = new (string Name, string Value)[]
        {
            ("content-type", request.Content!.Headers.ContentType!.ToString()),
            ("host", uri.Authority),
            ("x-amz-date", amzDate),
            ("x-amz-target", request.Headers.GetValues("X-Amz-Target").Single()),
        };
        var signedHeaders = string.Join(';', headers.Select(h => h.Name));
        var canonical = string.Join('\n',
            request.Method.Method,
            uri.AbsolutePath,
            string.Empty,
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

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
