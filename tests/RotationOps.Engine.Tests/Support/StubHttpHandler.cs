using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace RotationOps.Engine.Tests.Support;

/// <summary>
/// Answers requests from a script of responders, one per request (the last one repeats), and
/// records every request with its body and headers (Host included, as the socket handler sends it).
/// </summary>
internal sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly Func<CapturedRequest, CancellationToken, Task<HttpResponseMessage>>[] _script;
    private readonly ConcurrentQueue<CapturedRequest> _requests = new ConcurrentQueue<CapturedRequest>();
    private int _next = -1;

    public StubHttpHandler(params Func<CapturedRequest, CancellationToken, Task<HttpResponseMessage>>[] script)
    {
        _script = script;
    }

    public IReadOnlyList<CapturedRequest> Requests => _requests.ToArray();

    public HttpClient CreateClient() => new HttpClient(this, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = request.RequestUri!.IsDefaultPort ? request.RequestUri.Host : request.RequestUri.Authority,
        };
        foreach (var header in request.Headers) headers[header.Key] = string.Join(",", header.Value);
        byte[] body = Array.Empty<byte>();
        if (request.Content != null)
        {
            foreach (var header in request.Content.Headers) headers[header.Key] = string.Join(",", header.Value);
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        var captured = new CapturedRequest(request.Method, request.RequestUri, headers, body);
        _requests.Enqueue(captured);
        int index = Math.Min(Interlocked.Increment(ref _next), _script.Length - 1);
        return await _script[index](captured, cancellationToken);
    }
}
