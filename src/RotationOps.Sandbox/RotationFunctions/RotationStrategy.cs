using System;

namespace RotationOps.Sandbox.RotationFunctions;

/// <summary>How a native rotation function makes the new secret value in its createSecret step.</summary>
public sealed class RotationStrategy
{
    private RotationStrategy(string? jsonKey) => JsonKey = jsonKey;

    /// <summary>The whole SecretString becomes a freshly generated password.</summary>
    public static RotationStrategy GeneratePassword { get; } = new(null);

    /// <summary>The JSON key replaced in a copy of the AWSCURRENT value, or null for <see cref="GeneratePassword"/>.</summary>
    public string? JsonKey { get; }

    /// <summary>Copies the AWSCURRENT JSON object and replaces <paramref name="key"/> with a generated password.</summary>
    public static RotationStrategy RotateJsonKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return new RotationStrategy(key);
    }

    /// <inheritdoc />
    public override string ToString() => JsonKey is null ? "GeneratePassword" : $"RotateJsonKey({JsonKey})";
}
