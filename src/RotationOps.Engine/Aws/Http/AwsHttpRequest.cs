using System;
using System.Collections.Generic;
using System.Net.Http;
using RotationOps.Engine.Aws.Wire;

namespace RotationOps.Engine.Aws.Http;

/// <summary>
/// One AWS operation as the protocol layer built it: method, path, protocol headers and body.
/// The invoker signs and sends it (again on each retry). Disposing zeroes the body, which may
/// hold a secret value.
/// </summary>
internal sealed class AwsHttpRequest : IDisposable
{
    private readonly SensitiveBufferWriter? _body;

    public AwsHttpRequest(string operation, string targetId, HttpMethod method, string pathAndQuery, SensitiveBufferWriter? body)
    {
        Operation = operation;
        TargetId = targetId;
        Method = method;
        PathAndQuery = pathAndQuery;
        _body = body;
    }

    /// <summary>The AWS operation name, e.g. GetSecretValue.</summary>
    public string Operation { get; }

    /// <summary>What the call is about (secret id, function name) for verbose lines; never a value.</summary>
    public string TargetId { get; }

    public HttpMethod Method { get; }

    /// <summary>Starts with '/'; appended to the endpoint's base path.</summary>
    public string PathAndQuery { get; }

    /// <summary>Signed headers the protocol needs (Content-Type, X-Amz-Target, ...).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the request may be sent again after a failure that leaves unknown whether AWS acted on
    /// it (timeout, dropped connection, 5xx). False for calls that must not run twice, such as a Lambda
    /// Invoke; those are retried only when throttled, which AWS answers before doing anything.
    /// </summary>
    public bool SafeToResend { get; set; } = true;

    public ArraySegment<byte> Body => _body?.WrittenSegment ?? new ArraySegment<byte>(Array.Empty<byte>());

    public void Dispose() => _body?.Dispose();
}
