using System;
using System.Net;

namespace RotationOps.Engine.Aws.Http;

/// <summary>An AWS error code (normalised) and message, as read from an error answer.</summary>
internal sealed class AwsErrorDetails
{
    private const int MaxMessageLength = 1000;

    public AwsErrorDetails(string code, string message)
    {
        Code = NormalizeCode(code);
        Message = message.Length > MaxMessageLength ? message.Substring(0, MaxMessageLength) + "..." : message;
    }

    public string Code { get; }

    public string Message { get; }

    /// <summary>
    /// For answers without an AWS error body (a proxy's 502, a wrong endpoint's 404 page): the
    /// status name as code, and a message that points at the endpoint.
    /// </summary>
    public static AwsErrorDetails FromStatus(HttpStatusCode status)
    {
        int number = (int)status;
        string code = Enum.IsDefined(typeof(HttpStatusCode), status) ? status.ToString() : "Http" + number;
        return new AwsErrorDetails(code, $"the endpoint answered HTTP {number} without an AWS error body; check that the endpoint URL points at the AWS service");
    }

    /// <summary>
    /// "com.amazonaws.secretsmanager#ResourceNotFoundException" and
    /// "ResourceNotFoundException:http://internal.amazon.com/coral/..." both become "ResourceNotFoundException".
    /// </summary>
    public static string NormalizeCode(string raw)
    {
        string code = raw.Trim();
        int hash = code.LastIndexOf('#');
        if (hash >= 0) code = code.Substring(hash + 1);
        int colon = code.IndexOf(':');
        if (colon >= 0) code = code.Substring(0, colon);
        return code.Trim();
    }
}
