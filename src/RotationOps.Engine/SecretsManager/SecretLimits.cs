using RotationOps.Engine.Errors;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.SecretsManager;

/// <summary>Secrets Manager's documented limit on a secret value, checked before the value is stored.</summary>
internal static class SecretLimits
{
    /// <summary>SecretString (as UTF-8) or SecretBinary: 1 to 65,536 bytes.</summary>
    public const int MaxValueBytes = 65536;

    /// <exception cref="RunbookException">InvalidParameter naming -NewValue; the message gives sizes, never the value.</exception>
    public static void CheckValueSize(SensitiveValue value, string secretName)
    {
        if (value.Length > MaxValueBytes)
            throw RunbookException.InvalidParameter("NewValue",
                $"the new value of '{secretName}' is {value.Length} bytes, over Secrets Manager's {MaxValueBytes}-byte limit for a secret value. " +
                "Store less in the secret (large material belongs in S3 or KMS-encrypted files, with the secret pointing at it).");
    }
}
