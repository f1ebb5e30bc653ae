using System.Security.Cryptography;

namespace RotationOps.Engine.Journal.Stores;

/// <summary>A new fingerprint key: 32 random bytes.</summary>
internal static class FingerprintKey
{
    public const int Bytes = 32;

    public static byte[] New()
    {
        var key = new byte[Bytes];
        using (var random = RandomNumberGenerator.Create()) random.GetBytes(key);
        return key;
    }
}
