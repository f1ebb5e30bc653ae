using System;
using System.Security.Cryptography;

namespace RotationOps.Sandbox.Lambda;

/// <summary>A deployment package's identity: Lambda reports its SHA-256 (base64) and size, and keeps no more.</summary>
internal sealed record FunctionCode(string Sha256, long Size)
{
    /// <summary>An empty zip archive (just the end-of-central-directory record), for functions the Sandbox creates itself.</summary>
    public static FunctionCode EmptyZip { get; } = Of([0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

    /// <summary>Checks the bytes are a zip archive and returns their identity.</summary>
    public static FunctionCode FromZip(byte[] zip)
    {
        // A zip starts with a local file header, or is only the end-of-central-directory record.
        var isZip = zip.Length >= 22 && zip[0] == 0x50 && zip[1] == 0x4B && (zip[2], zip[3]) is (0x03, 0x04) or (0x05, 0x06);
        return isZip ? Of(zip) : throw LambdaErrors.InvalidZip();
    }

    private static FunctionCode Of(byte[] zip) => new(Convert.ToBase64String(SHA256.HashData(zip)), zip.Length);
}
