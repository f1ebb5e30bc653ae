using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws.Wire;

namespace RotationOps.Engine.Aws.Http;

/// <summary>
/// A fully read HTTP answer. The body is held in a buffer that Dispose zeroes, because answers such
/// as GetSecretValue carry secret values.
/// </summary>
internal sealed class AwsHttpResponse : IDisposable
{
    private const int MaxInitialCapacity = 1 << 20;

    private readonly IReadOnlyDictionary<string, string> _headers;
    private readonly SensitiveBufferWriter _body;

    private AwsHttpResponse(HttpStatusCode statusCode, IReadOnlyDictionary<string, string> headers, SensitiveBufferWriter body, TimeSpan? retryAfter)
    {
        StatusCode = statusCode;
        _headers = headers;
        _body = body;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode StatusCode { get; }

    public bool IsSuccess => (int)StatusCode >= 200 && (int)StatusCode < 300;

    public ReadOnlySpan<byte> Body => _body.WrittenSpan;

    /// <summary>x-amzn-RequestId (JSON protocols) or x-amz-request-id (query protocol, S3-style).</summary>
    public string? RequestId => GetHeader("x-amzn-RequestId") ?? GetHeader("x-amz-request-id");

    public TimeSpan? RetryAfter { get; }

    public string? GetHeader(string name) => _headers.TryGetValue(name, out string? value) ? value : null;

    public static async Task<AwsHttpResponse> ReadAsync(HttpResponseMessage http, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IEnumerable<string>> header in http.Headers)
            headers[header.Key] = string.Join(",", header.Value);

        long? length = http.Content?.Headers.ContentLength;
        var body = new SensitiveBufferWriter(length.HasValue ? (int)Math.Min(length.Value + 1, MaxInitialCapacity) : 1024);
        try
        {
            if (http.Content != null)
            {
                foreach (KeyValuePair<string, IEnumerable<string>> header in http.Content.Headers)
                    headers[header.Key] = string.Join(",", header.Value);
                using (Stream stream = await http.Content.ReadAsStreamAsync().ConfigureAwait(false))
                    await body.ReadFromAsync(stream, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            body.Dispose();
            throw;
        }
        return new AwsHttpResponse(http.StatusCode, headers, body, ParseRetryAfter(http.Headers));
    }

    public void Dispose() => _body.Dispose();

    /// <summary>Retry-After as seconds or as an HTTP date (measured against the answer's own Date).</summary>
    private static TimeSpan? ParseRetryAfter(HttpResponseHeaders headers)
    {
        RetryConditionHeaderValue? retryAfter = headers.RetryAfter;
        if (retryAfter?.Delta is TimeSpan delta)
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (retryAfter?.Date is DateTimeOffset date)
        {
            TimeSpan wait = date - (headers.Date ?? DateTimeOffset.UtcNow);
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
