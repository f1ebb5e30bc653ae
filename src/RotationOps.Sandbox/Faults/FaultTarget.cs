using System;
using System.Text;

namespace RotationOps.Sandbox.Faults;

/// <summary>
/// What a call touches, as <see cref="FaultRule.RequestContains"/> matches it: the raw path (Lambda
/// names the function there) and the body (Secrets Manager and DynamoDB name the resource there).
/// The body is decoded only when a rule asks.
/// </summary>
internal sealed class FaultTarget(string path, ReadOnlyMemory<byte> body)
{
    private string? text;

    public bool Contains(string value)
    {
        if (path.Contains(value, StringComparison.Ordinal) || Uri.UnescapeDataString(path).Contains(value, StringComparison.Ordinal))
        {
            return true;
        }

        text ??= Encoding.UTF8.GetString(body.Span);
        return text.Contains(value, StringComparison.Ordinal);
    }
}
