using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Errors;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.Rotation;

/// <summary>
/// Where a manual rotation's new value comes from: a value the user gives (-NewValue), JSON keys
/// to merge into the current value (-NewValue @{...}), or a password Secrets Manager generates
/// (-GeneratePassword). With -JsonKey, a single value replaces just that key.
/// </summary>
public sealed class NewSecretValue
{
    private readonly SensitiveValue? _literal;
    private readonly IReadOnlyDictionary<string, SensitiveValue>? _keys;
    private readonly RandomPasswordRequest? _generate;

    private NewSecretValue(SensitiveValue? literal, IReadOnlyDictionary<string, SensitiveValue>? keys,
        RandomPasswordRequest? generate, string? jsonKey)
    {
        _literal = literal;
        _keys = keys;
        _generate = generate;
        JsonKey = jsonKey;
    }

    /// <summary>Rotate only this key of a JSON secret; the others keep their values.</summary>
    public string? JsonKey { get; }

    /// <summary>True when the value depends on the current one (key merges).</summary>
    public bool NeedsCurrentValue => _keys != null || JsonKey != null;

    /// <summary>True for -GeneratePassword: a re-run produces a different value.</summary>
    public bool IsGenerated => _generate != null;

    /// <summary>A value the user gives; an empty one is refused, as it would replace a working credential with nothing.</summary>
    public static NewSecretValue Literal(SensitiveValue value, string? jsonKey = null)
    {
        if (value == null) throw new ArgumentNullException(nameof(value));
        if (value.Length == 0)
            throw RunbookException.InvalidParameter("NewValue",
                "the value is empty, and storing it would replace the secret" + (jsonKey != null ? $"'s '{jsonKey}' key" : "") +
                " with nothing. Give the new value, e.g. Read-Host -AsSecureString, or use -GeneratePassword.");
        CheckKeyName(jsonKey, "JsonKey");
        return new NewSecretValue(value, null, null, jsonKey);
    }

    public static NewSecretValue JsonKeys(IReadOnlyDictionary<string, SensitiveValue> keys)
    {
        if (keys == null || keys.Count == 0)
            throw RunbookException.InvalidParameter("NewValue", "the hashtable is empty; give at least one key, e.g. @{ password = $newPassword }.");
        foreach (string key in keys.Keys) CheckKeyName(key, "NewValue");
        string? empty = keys.Where(k => k.Value.Length == 0).Select(k => k.Key).OrderBy(k => k, StringComparer.Ordinal).FirstOrDefault();
        if (empty != null)
            throw RunbookException.InvalidParameter("NewValue",
                $"key '{empty}' is empty, and storing it would replace that key with nothing. Give its new value, or leave the key out to keep the current one.");
        return new NewSecretValue(null, keys, null, null);
    }

    public static NewSecretValue Generated(RandomPasswordRequest options, string? jsonKey = null)
    {
        options ??= new RandomPasswordRequest();
        PasswordLimits.Check(options);
        CheckKeyName(jsonKey, "JsonKey");
        return new NewSecretValue(null, null, options, jsonKey);
    }

    /// <summary>A JSON key must have a name: a blank one would store the value under a key no consumer reads.</summary>
    private static void CheckKeyName(string? key, string parameterName)
    {
        if (key != null && key.Trim().Length == 0)
            throw RunbookException.InvalidParameter(parameterName,
                "a JSON key needs a name; a blank one would store the value under a key no consumer reads. Name the key, e.g. password.");
    }

    /// <summary>The full value to store. <paramref name="current"/> is AWSCURRENT (null when the secret has none).</summary>
    public async Task<SensitiveValue> ResolveAsync(ISecretsManagerClient client, string secretName,
        SensitiveValue? current, CancellationToken cancellationToken)
    {
        if (_keys != null) return MergeInto(current, _keys, secretName, "NewValue");

        SensitiveValue single = _generate != null
            ? await client.GetRandomPasswordAsync(_generate, cancellationToken).ConfigureAwait(false)
            : SensitiveValue.FromUtf8(_literal!.Bytes);
        if (JsonKey == null) return single;
        using (single)
            return MergeInto(current, new Dictionary<string, SensitiveValue> { [JsonKey] = single }, secretName, "JsonKey");
    }

    private static SensitiveValue MergeInto(SensitiveValue? current, IReadOnlyDictionary<string, SensitiveValue> keys,
        string secretName, string parameterName)
    {
        if (current == null) return SecretJson.Create(keys);
        if (!SecretJson.IsObject(current))
            throw RunbookException.InvalidParameter(parameterName,
                $"the current value of secret '{secretName}' is not a JSON object, so keys ({string.Join(", ", keys.Keys.OrderBy(k => k))}) cannot be merged into it. Give the whole value as a SecureString instead.",
                secretName);
        return SecretJson.Merge(current, keys, secretName);
    }
}
