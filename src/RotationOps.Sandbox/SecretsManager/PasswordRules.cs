namespace RotationOps.Sandbox.SecretsManager;

/// <summary>GetRandomPassword's options, with AWS's defaults (32 characters, every type required).</summary>
internal sealed record PasswordRules
{
    public int Length { get; init; } = 32;

    public string ExcludeCharacters { get; init; } = string.Empty;

    public bool ExcludeNumbers { get; init; }

    public bool ExcludePunctuation { get; init; }

    public bool ExcludeUppercase { get; init; }

    public bool ExcludeLowercase { get; init; }

    public bool IncludeSpace { get; init; }

    public bool RequireEachIncludedType { get; init; } = true;
}
