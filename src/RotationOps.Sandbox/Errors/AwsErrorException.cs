using System;

namespace RotationOps.Sandbox.Errors;

/// <summary>
/// An AWS error reply in protocol-neutral form: each service endpoint serialises it the way its
/// wire protocol does (awsJson <c>__type</c>, restJson <c>x-amzn-ErrorType</c>, awsQuery XML).
/// </summary>
internal sealed class AwsErrorException(string code, string message, int statusCode = 400, ErrorOrigin origin = ErrorOrigin.Service)
    : Exception(message)
{
    public string Code { get; } = code;

    public int StatusCode { get; } = statusCode;

    public ErrorOrigin Origin { get; } = origin;
}
