using System;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace RotationOps.Engine.Security;

/// <summary>
/// A secret value (a SecretString's UTF-8 bytes or a SecretBinary) held as a byte array that is
/// zeroed on Dispose. ToString never reveals it, so a value that slips into string formatting,
/// a log line or an exception message shows as redacted instead of leaking.
/// </summary>
public sealed class SensitiveValue : IDisposable, IEquatable<SensitiveValue>
{
    public const string Redacted = "*** redacted ***";

    private byte[] _bytes;

    private SensitiveValue(byte[] bytes, bool isBinary)
    {
        _bytes = bytes;
        IsBinary = isBinary;
    }

    /// <summary>True for a SecretBinary value, false for a SecretString.</summary>
    public bool IsBinary { get; }

    public int Length => Bytes.Length;

    public static SensitiveValue FromString(string value) =>
        new SensitiveValue(Encoding.UTF8.GetBytes(value ?? throw new ArgumentNullException(nameof(value))), false);

    /// <summary>A SecretString from its UTF-8 bytes (copied), e.g. JSON built in a byte buffer.</summary>
    public static SensitiveValue FromUtf8(byte[] utf8) =>
        new SensitiveValue((byte[])(utf8 ?? throw new ArgumentNullException(nameof(utf8))).Clone(), false);

    public static SensitiveValue FromBinary(byte[] value) =>
        new SensitiveValue((byte[])(value ?? throw new ArgumentNullException(nameof(value))).Clone(), true);

    public static SensitiveValue FromSecureString(SecureString value)
    {
        if (value is null) throw new ArgumentNullException(nameof(value));
        IntPtr ptr = Marshal.SecureStringToGlobalAllocUnicode(value);
        var chars = new char[value.Length];
        try
        {
            Marshal.Copy(ptr, chars, 0, chars.Length);
            return new SensitiveValue(Encoding.UTF8.GetBytes(chars), false);
        }
        finally
        {
            Array.Clear(chars, 0, chars.Length);
            Marshal.ZeroFreeGlobalAllocUnicode(ptr);
        }
    }

    /// <summary>The raw bytes; callers must not keep or log them.</summary>
    public byte[] Bytes => _bytes ?? throw new ObjectDisposedException(nameof(SensitiveValue));

    /// <summary>The value as text. Only for the wire and for -AsPlainText.</summary>
    public string Reveal() => Encoding.UTF8.GetString(Bytes);

    public SecureString ToSecureString()
    {
        var chars = Encoding.UTF8.GetChars(Bytes);
        try
        {
            var secure = new SecureString();
            foreach (char c in chars) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
        finally
        {
            Array.Clear(chars, 0, chars.Length);
        }
    }

    /// <summary>SHA-256 of the value, for "did it change" comparisons that never hold both values as text.</summary>
    public byte[] Sha256()
    {
        using (var sha = SHA256.Create()) return sha.ComputeHash(Bytes);
    }

    public bool Equals(SensitiveValue? other)
    {
        if (other is null || other.IsBinary != IsBinary || other.Length != Length) return false;
        // Constant-time compare: equality of secrets must not leak through timing.
        int diff = 0;
        byte[] a = Bytes, b = other.Bytes;
        for (int i = 0; i < a.Length; i++) diff |= a[i] ^ b[i];
        return diff == 0;
    }

    public override bool Equals(object? obj) => Equals(obj as SensitiveValue);

    public override int GetHashCode() => Length;

    public override string ToString() => Redacted;

    public void Dispose()
    {
        if (_bytes != null)
        {
            Array.Clear(_bytes, 0, _bytes.Length);
            _bytes = null!;
        }
    }
}
