using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.SecretsManager.Operations;

/// <summary>Input members several operations share, with the service model's constraints.</summary>
internal static class OperationInput
{
    public const int MaxValueLength = 65536;

    public static string SecretId(AwsJsonInput input) => input.RequiredString("SecretId", 1, 2048);

    public static string? ClientRequestToken(AwsJsonInput input) => input.String("ClientRequestToken", 32, 64);

    public static string? VersionId(AwsJsonInput input, string member) => input.String(member, 32, 64);

    public static string? VersionStage(AwsJsonInput input, string member) => input.String(member, 1, 256);

    /// <summary>SecretString or SecretBinary (never both); null when the request carries neither.</summary>
    public static SecretValue? Value(AwsJsonInput input)
    {
        // The limit is in bytes (UTF-8 for SecretString), so 65,536 characters of non-ASCII text are over it.
        var text = input.String("SecretString", 1, MaxValueLength, sensitive: true);
        var binary = input.Blob("SecretBinary");
        if (text is not null && binary is not null)
        {
            throw SecretsManagerErrors.BothValueKinds();
        }

        if (text is not null && System.Text.Encoding.UTF8.GetByteCount(text) > MaxValueLength)
        {
            throw Errors.CommonErrors.Validation($"Value at 'secretString' failed to satisfy constraint: Member must have length less than or equal to {MaxValueLength}");
        }

        if (binary is { Length: 0 or > MaxValueLength })
        {
            throw Errors.CommonErrors.Validation(binary.Length == 0
                ? "Value at 'secretBinary' failed to satisfy constraint: Member must have length greater than or equal to 1"
                : $"Value at 'secretBinary' failed to satisfy constraint: Member must have length less than or equal to {MaxValueLength}");
        }

        return text is not null ? SecretValue.FromText(text) : binary is not null ? SecretValue.FromBinary(binary) : null;
    }

    public static IReadOnlyList<string>? Stages(AwsJsonInput input)
    {
        var stages = input.StringList("VersionStages", 1, 20);
        if (stages is not null && stages.Any(s => s.Length is < 1 or > 256))
        {
            throw Errors.CommonErrors.Validation("Value at 'versionStages' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 256, Member must have length greater than or equal to 1]");
        }

        return stages?.Distinct(StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<SecretTag>? Tags(AwsJsonInput input)
    {
        var tags = input.StructureList("Tags", 0, 50);
        return tags?.Select(t => new SecretTag(t.RequiredString("Key", 1, 128), t.String("Value", 0, 256) ?? string.Empty)).ToList();
    }
}
