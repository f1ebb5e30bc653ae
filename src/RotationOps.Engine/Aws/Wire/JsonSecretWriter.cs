using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.Aws.Wire;

/// <summary>
/// Writes a secret value as a JSON property without the value passing through a string or through
/// System.Text.Json's escaping, which borrows ArrayPool buffers and returns them uncleared.
/// The value is escaped (or base64-encoded) into a buffer that is zeroed afterwards, then written raw.
/// </summary>
internal static class JsonSecretWriter
{
    private static readonly byte[] Hex = { (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7',
        (byte)'8', (byte)'9', (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f' };

    /// <summary>SecretString (text) or SecretBinary (base64), by <see cref="SensitiveValue.IsBinary"/>.</summary>
    public static void WriteSecretValue(Utf8JsonWriter json, SensitiveValue value)
    {
        if (value.IsBinary) WriteBase64(json, "SecretBinary", value.Bytes);
        else WriteText(json, "SecretString", value.Bytes);
    }

    public static void WriteText(Utf8JsonWriter json, string propertyName, byte[] utf8)
    {
        using (var quoted = new SensitiveBufferWriter(utf8.Length + 16))
        {
            quoted.Write((byte)'"');
            foreach (byte b in utf8)
            {
                if (b == (byte)'"' || b == (byte)'\\')
                {
                    quoted.Write((byte)'\\');
                    quoted.Write(b);
                }
                else if (b < 0x20)
                {
                    // Control characters must be escaped in JSON; \u00XX covers them all.
                    quoted.Write(new[] { (byte)'\\', (byte)'u', (byte)'0', (byte)'0', Hex[b >> 4], Hex[b & 0xF] });
                }
                else
                {
                    // Everything else, including multi-byte UTF-8 sequences, is valid JSON as it is.
                    quoted.Write(b);
                }
            }
            quoted.Write((byte)'"');
            json.WritePropertyName(propertyName);
            json.WriteRawValue(quoted.WrittenSpan, skipInputValidation: true);
        }
    }

    private static void WriteBase64(Utf8JsonWriter json, string propertyName, byte[] bytes)
    {
        using (var quoted = new SensitiveBufferWriter(Base64.GetMaxEncodedToUtf8Length(bytes.Length) + 2))
        {
            quoted.Write((byte)'"');
            Span<byte> target = quoted.GetSpan(Base64.GetMaxEncodedToUtf8Length(bytes.Length));
            OperationStatus status = Base64.EncodeToUtf8(bytes, target, out _, out int written);
            if (status != OperationStatus.Done) throw new InvalidOperationException("Base64 encoding of the secret value failed.");
            quoted.Advance(written);
            quoted.Write((byte)'"');
            json.WritePropertyName(propertyName);
            json.WriteRawValue(quoted.WrittenSpan, skipInputValidation: true);
        }
    }
}
