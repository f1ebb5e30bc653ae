using System;

namespace RotationOps.Engine.Aws;

/// <summary>Where one service's calls go, and which setting chose it (for verbose output).</summary>
public sealed class AwsServiceEndpoint
{
    internal AwsServiceEndpoint(string service, Uri url, string source)
    {
        Service = service;
        Url = url;
        Source = source;
    }

    /// <summary>The signing name: "secretsmanager", "lambda" or "monitoring".</summary>
    public string Service { get; }

    public Uri Url { get; }

    /// <summary>"-EndpointUrl", "AWS_ENDPOINT_URL_LAMBDA", "AWS_ENDPOINT_URL", "endpoint_url of profile 'x'" or "default for the region".</summary>
    public string Source { get; }

    /// <summary>
    /// The URL for a request path, kept under any base path of the endpoint
    /// (http://host/prefix + /2015-03-31/... = http://host/prefix/2015-03-31/...), as AWS SDKs do.
    /// </summary>
    internal Uri BuildUri(string pathAndQuery)
    {
        string basePath = Url.AbsolutePath.TrimEnd('/');
        return new Uri(Url.GetLeftPart(UriPartial.Authority) + basePath + pathAndQuery);
    }

    public override string ToString() => $"{Url} ({Source})";
}
