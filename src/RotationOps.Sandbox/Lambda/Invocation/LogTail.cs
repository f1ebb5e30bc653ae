using System;
using System.Globalization;
using System.Text;

namespace RotationOps.Sandbox.Lambda.Invocation;

/// <summary>
/// The log lines an invocation leaves, as <c>X-Amz-Log-Result</c> returns them (base64): START, the
/// error if any, END and the REPORT line. Nothing the function read — a secret above all — is logged.
/// </summary>
internal static class LogTail
{
    public static string Render(string requestId, InvocationOutcome outcome)
    {
        var version = outcome.Version;
        var duration = version.Behavior.Latency.TotalMilliseconds;
        var log = new StringBuilder();
        log.Append(CultureInfo.InvariantCulture, $"START RequestId: {requestId} Version: {version.Version}\n");
        if (outcome.Error is { } error)
        {
            log.Append(CultureInfo.InvariantCulture, $"[ERROR] {error.Type}: {error.Message}\n");
        }

        log.Append(CultureInfo.InvariantCulture, $"END RequestId: {requestId}\n");
        log.Append(CultureInfo.InvariantCulture,
            $"REPORT RequestId: {requestId}\tDuration: {duration:F2} ms\tBilled Duration: {Math.Max(1, Math.Ceiling(duration))} ms\tMemory Size: {version.Settings.MemorySize} MB\tMax Memory Used: {Math.Min(version.Settings.MemorySize, 64)} MB\t\n");
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(log.ToString()));
    }
}
