namespace RotationOps.Engine.Aws.Http;

/// <summary>
/// Error codes for failures that AWS did not name because no usable answer came back. They share
/// <see cref="AwsServiceException.ErrorCode"/> with AWS's own codes so callers handle one shape.
/// </summary>
internal static class AwsLocalErrorCodes
{
    /// <summary>No answer within CallTimeout (retried).</summary>
    public const string RequestTimeout = "RequestTimeout";

    /// <summary>The connection failed, was reset or dropped (retried).</summary>
    public const string ConnectionError = "ConnectionError";

    /// <summary>The endpoint's host name does not resolve: a retry cannot fix a typo.</summary>
    public const string HostNotFound = "HostNotFound";

    /// <summary>A 2xx answer whose body is not what the protocol promises.</summary>
    public const string MalformedResponse = "MalformedResponse";
}
