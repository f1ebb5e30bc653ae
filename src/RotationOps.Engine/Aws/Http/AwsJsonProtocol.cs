using System.Net.Http;
using RotationOps.Engine.Aws.Wire;

namespace RotationOps.Engine.Aws.Http;

/// <summary>
/// The awsJson1_0/1_1 request shape: POST / with X-Amz-Target "&lt;prefix&gt;.&lt;Operation&gt;" and the
/// versioned JSON content type. Errors read with <see cref="AwsJsonErrorParser"/>.
/// </summary>
internal sealed class AwsJsonProtocol
{
    private readonly string _targetPrefix;
    private readonly string _contentType;

    public AwsJsonProtocol(string targetPrefix, string version)
    {
        _targetPrefix = targetPrefix;
        _contentType = "application/x-amz-json-" + version;
    }

    public IAwsErrorParser ErrorParser => AwsJsonErrorParser.Instance;

    /// <summary>Takes ownership of <paramref name="body"/>; disposing the request zeroes it.</summary>
    public AwsHttpRequest CreateRequest(string operation, string targetId, SensitiveBufferWriter body)
    {
        var request = new AwsHttpRequest(operation, targetId, HttpMethod.Post, "/", body);
        request.Headers["Content-Type"] = _contentType;
        request.Headers["X-Amz-Target"] = _targetPrefix + "." + operation;
        return request;
    }
}
