using System;
using System.Net;

namespace RotationOps.Engine.Aws;

/// <summary>
/// An error answer from an AWS service, or a transport failure talking to one. Messages carry
/// the service's code and text only: request bodies (which may hold secret values) never go in.
/// </summary>
public class AwsServiceException : Exception
{
    public AwsServiceException(string service, string operation, string errorCode, string message,
        HttpStatusCode? statusCode, string? requestId, Exception? inner = null)
        : base($"{service} {operation} failed: {errorCode}: {message}", inner)
    {
        Service = service;
        Operation = operation;
        ErrorCode = errorCode;
        ServiceMessage = message;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>"secretsmanager", "lambda" or "monitoring".</summary>
    public string Service { get; }

    public string Operation { get; }

    /// <summary>The AWS error code without any "prefix#", e.g. ResourceNotFoundException.</summary>
    public string ErrorCode { get; }

    public string ServiceMessage { get; }

    /// <summary>Null when no HTTP answer came back (timeout, reset).</summary>
    public HttpStatusCode? StatusCode { get; }

    public string? RequestId { get; }

    /// <summary>How many HTTP attempts were made before giving up (1 when the error was not retried).</summary>
    public int Attempts { get; internal set; } = 1;

    /// <summary>The service's Retry-After, when it sent one; the retry waits exactly this long.</summary>
    public TimeSpan? RetryAfter { get; internal set; }

    public override string Message => Attempts > 1 ? $"{base.Message} (gave up after {Attempts} attempts)" : base.Message;

    /// <summary>
    /// Whether AWS may have applied the call though it answered with this: no answer at all (a
    /// timeout or a dropped connection after the request went out), a server error, or any refusal
    /// of a resend, which may be answering the first attempt's own change. Only a read tells which.
    /// </summary>
    public bool OutcomeUnknown => EarlierAttemptUnanswered || Unanswered || (Attempts > 1 && !IsThrottling);

    /// <summary>
    /// An earlier attempt of this call got no answer or a server error, so it may have been applied
    /// however the last attempt was answered: a throttled resend says nothing about the first send.
    /// </summary>
    public bool EarlierAttemptUnanswered { get; internal set; }

    /// <summary>This attempt got no answer (a timeout or a dropped connection after the request went out) or a server error.</summary>
    internal bool Unanswered =>
        StatusCode is null
            ? ErrorCode != Http.AwsLocalErrorCodes.HostNotFound
            : (int)StatusCode.Value >= 500;

    /// <summary>
    /// Lambda's 409 while another update of the function is in progress, or the function is still
    /// Pending: the call was refused, not applied, and the same call succeeds once that settles.
    /// </summary>
    public bool IsBusy =>
        ErrorCode == "ResourceConflictException" &&
        ServiceMessage.StartsWith("The operation cannot be performed at this time", StringComparison.Ordinal);

    public bool IsNotFound => ErrorCode == "ResourceNotFoundException" || ErrorCode == "ResourceNotFound";

    public bool IsThrottling =>
        ErrorCode == "ThrottlingException" || ErrorCode == "Throttling" ||
        ErrorCode == "TooManyRequestsException" || ErrorCode == "LimitExceededException" ||
        ErrorCode == "RequestLimitExceeded" || ErrorCode == "ProvisionedThroughputExceededException";

    public bool IsAccessDenied =>
        ErrorCode == "AccessDeniedException" || ErrorCode == "AccessDenied" ||
        ErrorCode == "UnrecognizedClientException" || ErrorCode == "InvalidSignatureException" ||
        ErrorCode == "ExpiredTokenException";
}
