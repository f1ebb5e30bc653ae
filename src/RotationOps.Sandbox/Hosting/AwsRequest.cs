using System;
using Microsoft.AspNetCore.Http;

namespace RotationOps.Sandbox.Hosting;

/// <summary>
/// One AWS API call with its body fully read: SigV4 needs the exact bytes and the raw request
/// target, and every protocol parser works from the same buffered copy.
/// </summary>
internal sealed class AwsRequest(HttpRequest http, ReadOnlyMemory<byte> body, string rawPath, string rawQuery)
{
    public HttpRequest Http { get; } = http;

    public string Method => Http.Method;

    /// <summary>The path exactly as the client sent it (still percent-encoded).</summary>
    public string RawPath { get; } = rawPath;

    /// <summary>The query string as sent, without the leading '?'.</summary>
    public string RawQuery { get; } = rawQuery;

    public IHeaderDictionary Headers => Http.Headers;

    public ReadOnlyMemory<byte> Body { get; } = body;
}
