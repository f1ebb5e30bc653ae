using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;

namespace RotationOps.Engine.Tests.Support;

/// <summary>One request as it left the client: what a server would have seen.</summary>
internal sealed class CapturedRequest
{
    public CapturedRequest(HttpMethod method, Uri uri, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        Method = method;
        Uri = uri;
        Headers = headers;
        Body = body;
    }

    public HttpMethod Method { get; }
    public Uri Uri { get; }
    public IReadOnlyDictionary<string, string> Headers { get; }
    public byte[] Body { get; }
    public string BodyText => Encoding.UTF8.GetString(Body);
    public string Header(string name) => Headers.TryGetValue(name, out string? value) ? value : "";
}
