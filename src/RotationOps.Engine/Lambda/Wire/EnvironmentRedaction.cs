using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using RotationOps.Engine.Aws;

namespace RotationOps.Engine.Lambda.Wire;

/// <summary>
/// Keeps environment-variable values out of error text. Lambda marks them sensitive and leaves them
/// out of its own validation messages, but an emulator or proxy can echo the request back, and the
/// message ends up in PowerShell error records and logs.
/// </summary>
internal static class EnvironmentRedaction
{
    public const string Placeholder = "[redacted]";

    // Below this length a value is replaced only where it stands alone (between quotes, after '='
    // or ':'), so a short PIN is still hidden while "1" inside "Member must have length 1" is not shredded.
    private const int StandaloneBelow = 4;

    /// <summary>The same error with every sent value replaced by <see cref="Placeholder"/>; the error itself when none occurs.</summary>
    public static AwsServiceException Redact(AwsServiceException error, IEnumerable<string> values)
    {
        string message = error.ServiceMessage;
        // Longest first, so a value that contains another is replaced whole.
        foreach (string value in values.Where(v => v.Length > 0).OrderByDescending(v => v.Length))
        {
            if (message.IndexOf(value, StringComparison.Ordinal) < 0) continue;
            message = value.Length >= StandaloneBelow
                ? message.Replace(value, Placeholder)
                : Regex.Replace(message, "(?<=[\"'=:]\\s?)" + Regex.Escape(value) + "(?=[\"',;}\\s]|$)", Placeholder);
        }
        if (ReferenceEquals(message, error.ServiceMessage)) return error;
        return new AwsServiceException(error.Service, error.Operation, error.ErrorCode, message, error.StatusCode, error.RequestId,
            error.InnerException)
        {
            Attempts = error.Attempts,
            RetryAfter = error.RetryAfter,
        };
    }
}
