using System;

namespace RotationOps.Sandbox.SecretsManager;

/// <summary>A secret version's content: a SecretString or a SecretBinary, never both.</summary>
/// <remarks>ToString is overridden so a value can never leak into a log line or exception text.</remarks>
internal sealed class SecretValue
{
    private SecretValue(string? text, byte[]? binary)
    {
        Text = text;
        Binary = binary;
    }

    public string? Text { get; }

    public byte[]? Binary { get; }

    public static SecretValue FromText(string text) => new(text, null);

    public static SecretValue FromBinary(byte[] binary) => new(null, binary);

    /// <summary>Same kind and same content: what makes a repeated ClientRequestToken a harmless retry.</summary>
    public bool SameAs(SecretValue other) =>
        Text is not null
            ? string.Equals(Text, other.Text, StringComparison.Ordinal)
            : other.Binary is not null && Binary.AsSpan().SequenceEqual(other.Binary);

    public override string ToString() => "(secret value)";
}
