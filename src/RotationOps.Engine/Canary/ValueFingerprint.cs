using System;
using System.Security.Cryptography;
using System.Text;

namespace RotationOps.Engine.Canary;

/// <summary>
/// A marker of an environment value, enough to tell values apart in a plan or a deployment's
/// Changes without showing them: HMAC-SHA256 under the journal's own random key, so unlike a
/// plain hash it cannot be reversed by hashing guesses (a short PIN, a known password) without
/// that key. The same journal gives the same marker for the same value, on every machine that shares it.
/// </summary>
internal sealed class ValueFingerprint
{
    /// <summary>Hex digits shown: 48 bits, ample to tell a handful of values apart.</summary>
    private const int HexDigits = 12;

    private readonly byte[] _key;

    public ValueFingerprint(byte[] key)
    {
        if (key is null || key.Length < 16) throw new ArgumentException("A fingerprint key has at least 16 bytes.", nameof(key));
        _key = key;
    }

    public string Of(string value)
    {
        using (var hmac = new HMACSHA256(_key))
        {
            byte[] mac = hmac.ComputeHash(Encoding.UTF8.GetBytes(value));
            return "hmac " + BitConverter.ToString(mac, 0, HexDigits / 2).Replace("-", "").ToLowerInvariant();
        }
    }
}
