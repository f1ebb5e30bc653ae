using System;
using System.Collections.Generic;
using System.Linq;

namespace RotationOps.Sandbox.SecretsManager.Operations;

/// <summary>
/// One ListSecrets filter, with AWS's matching rules: name, tag-key and tag-value match the start
/// of the text, case-sensitively; description matches the start of any word, ignoring case; all
/// matches any of those, ignoring case. A value starting with '!' excludes what it matches.
/// Values of one filter are alternatives; separate filters must all match.
/// </summary>
internal sealed class SecretFilter(string key, IReadOnlyList<string> values, string region)
{
    public static readonly string[] Keys = ["description", "name", "tag-key", "tag-value", "primary-region", "owning-service", "all"];

    public bool Matches(Secret secret) => values.Any(value => value.StartsWith('!')
        ? !MatchesValue(secret, value[1..])
        : MatchesValue(secret, value));

    private bool MatchesValue(Secret secret, string value) => key switch
    {
        "name" => secret.Name.StartsWith(value, StringComparison.Ordinal),
        "description" => DescriptionMatches(secret.Description, value),
        "tag-key" => secret.Tags.Any(t => t.Key.StartsWith(value, StringComparison.Ordinal)),
        "tag-value" => secret.Tags.Any(t => t.Value.StartsWith(value, StringComparison.Ordinal)),
        "primary-region" => string.Equals(region, value, StringComparison.Ordinal),
        "owning-service" => false,
        _ => secret.Name.StartsWith(value, StringComparison.OrdinalIgnoreCase)
            || DescriptionMatches(secret.Description, value)
            || secret.Tags.Any(t => t.Key.StartsWith(value, StringComparison.OrdinalIgnoreCase)
                || t.Value.StartsWith(value, StringComparison.OrdinalIgnoreCase)),
    };

    private static bool DescriptionMatches(string? description, string value) =>
        description is not null
        && (description.StartsWith(value, StringComparison.OrdinalIgnoreCase)
            || description.Split([' ', '/', '_', '-', '.', ',', ':', '='], StringSplitOptions.RemoveEmptyEntries)
                .Any(word => word.StartsWith(value, StringComparison.OrdinalIgnoreCase)));
}
