using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using RotationOps.Sandbox.Hosting;

namespace RotationOps.Sandbox.Auth;

/// <summary>
/// Builds the SigV4 canonical request the way AWS does for every service except S3: the path is
/// encoded a second time, query parameters are sorted by encoded name then value, signed header
/// values are trimmed with inner runs of spaces collapsed, and the payload hash is computed from
/// the bytes actually received.
/// </summary>
internal static class SigV4CanonicalRequest
{
    public static string Build(AwsRequest request, IReadOnlyList<string> signedHeaders)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method).Append('\n');
        builder.Append(CanonicalPath(request.RawPath)).Append('\n');
        builder.Append(CanonicalQuery(request.RawQuery)).Append('\n');
        foreach (var name in signedHeaders)
        {
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(request, name)).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', signedHeaders)).Append('\n');
        builder.Append(Hex(SHA256.HashData(request.Body.Span)));
        return builder.ToString();
    }

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    private static string CanonicalPath(string rawPath)
    {
        if (string.IsNullOrEmpty(rawPath))
        {
            return "/";
        }

        // The raw path is already percent-encoded once; non-S3 services sign it encoded again.
        return string.Join('/', rawPath.Split('/').Select(Encode));
    }

    private static string CanonicalQuery(string rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery))
        {
            return string.Empty;
        }

        var pairs = rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
                return (Name: Encode(Uri.UnescapeDataString(name)), Value: Encode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    private static string CanonicalHeaderValue(AwsRequest request, string name)
    {
        if (!request.Headers.TryGetValue(name, out var values))
        {
            return string.Empty;
        }

        return string.Join(',', values.Select(v => CollapseSpaces((v ?? string.Empty).Trim())));
    }

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        var previousWasSpace = false;
        foreach (var c in value)
        {
            var isSpace = c == ' ';
            if (!(isSpace && previousWasSpace))
            {
                builder.Append(c);
            }

            previousWasSpace = isSpace;
        }

        return builder.ToString();
    }

    /// <summary>RFC 3986 percent-encoding: everything but unreserved characters, upper-case hex.</summary>
    private static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
