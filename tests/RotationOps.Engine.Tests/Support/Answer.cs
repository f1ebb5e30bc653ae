using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace RotationOps.Engine.Tests.Support;

/// <summary>Canned answers in the shapes AWS sends.</summary>
internal static class Answer
{
    public static Func<CapturedRequest, CancellationToken, Task<HttpResponseMessage>> Json(HttpStatusCode status, string json,
        params (string Name, string Value)[] headers) =>
        (request, token) => Task.FromResult(Message(status, json, headers));

    public static Func<CapturedRequest, CancellationToken, Task<HttpResponseMessage>> Ok(string json) =>
        Json(HttpStatusCode.OK, json, ("x-amzn-RequestId", "req-ok"));

    public static Func<CapturedRequest, CancellationToken, Task<HttpResponseMessage>> Error(HttpStatusCode status, string type, string message,
        params (string Name, string Value)[] headers) =>
        Json(status, "{\"__type\":\"" + type + "\",\"Message\":\"" + message + "\"}",
            headers.Concat(new[] { ("x-amzn-RequestId", "req-" + type) }).ToArray());

    public static Func<CapturedRequest, CancellationToken, Task<HttpResponseMessage>> Drop() =>
        (request, token) => Task.FromException<HttpResponseMessage>(
            new HttpRequestException("An error occurred while sending the request.", new System.IO.IOException("Connection reset by peer")));

    /// <summary>Never answers; ends only when the request is cancelled (by timeout or caller).</summary>
    public static Func<CapturedRequest, CancellationToken, Task<HttpResponseMessage>> Hang() =>
        async (request, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        };

    public static HttpResponseMessage Message(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var message = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8) };
        message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.1");
        foreach (var (name, value) in headers) message.Headers.TryAddWithoutValidation(name, value);
        return message;
    }
}
