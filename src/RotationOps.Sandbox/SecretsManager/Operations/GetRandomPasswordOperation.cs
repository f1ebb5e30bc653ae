using System;
using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.SecretsManager.Operations;

/// <summary>GetRandomPassword: 1–4096 characters (default 32), every included type present by default.</summary>
internal sealed class GetRandomPasswordOperation : ISecretsManagerOperation
{
    public string Name => "GetRandomPassword";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var defaults = new PasswordRules();
        var rules = new PasswordRules
        {
            Length = (int)(input.Long("PasswordLength", 1, 4096) ?? defaults.Length),
            ExcludeCharacters = input.String("ExcludeCharacters", 0, 4096) ?? string.Empty,
            ExcludeNumbers = input.Bool("ExcludeNumbers") ?? false,
            ExcludePunctuation = input.Bool("ExcludePunctuation") ?? false,
            ExcludeUppercase = input.Bool("ExcludeUppercase") ?? false,
            ExcludeLowercase = input.Bool("ExcludeLowercase") ?? false,
            IncludeSpace = input.Bool("IncludeSpace") ?? false,
            RequireEachIncludedType = input.Bool("RequireEachIncludedType") ?? defaults.RequireEachIncludedType,
        };
        output.WriteString("RandomPassword", RandomPasswordGenerator.Generate(rules));
    }
}
