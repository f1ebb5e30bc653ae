using System;
using System.Net.Http;
using System.Threading;

namespace RotationOps.Engine.Aws.Http;

/// <summary>
/// The one HttpClient for all AWS calls in the process, so connections are pooled across cmdlet
/// invocations in a PowerShell session instead of exhausting sockets.
/// </summary>
internal static class AwsHttpTransport
{
    private static readonly Lazy<HttpClient> SharedClient = new Lazy<HttpClient>(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static HttpClient Shared => SharedClient.Value;

    private static HttpClient Create()
    {
        var handler = new HttpClientHandler
        {
            // A redirect would carry the Authorization header to another host; AWS never redirects these APIs.
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        // Timeouts are per attempt, enforced by the invoker; the client-wide one would cut across retries.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
