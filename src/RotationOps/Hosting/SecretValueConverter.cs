using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.Security;

namespace RotationOps.Commands.Hosting;

/// <summary>
/// Turns -NewValue (SecureString, PSCredential or hashtable of scalar JSON keys) into the
/// engine's value source; anything else, and empty values, are refused before any AWS call.
/// </summary>
internal static class SecretValueConverter
{
    public static NewSecretValue FromParameter(object value, string? jsonKey)
    {
        object raw = value is PSObject ps ? ps.BaseObject : value;
        switch (raw)
        {
            case SecureString secure:
                return NewSecretValue.Literal(SensitiveValue.FromSecureString(secure), jsonKey);
            case PSCredential credential:
                RejectJsonKey(jsonKey, "a PSCredential");
                return NewSecretValue.JsonKeys(new Dictionary<string, SensitiveValue>
                {
                    ["username"] = SensitiveValue.FromString(credential.UserName),
                    ["password"] = SensitiveValue.FromSecureString(credential.Password),
                });
            case IDictionary keys:
                RejectJsonKey(jsonKey, "a hashtable");
                return NewSecretValue.JsonKeys(ToKeys(keys));
            case string _:
                throw RunbookException.InvalidParameter("NewValue",
                    "a plain string would leave the secret in your command history and logs. Pass a SecureString " +
                    "(Read-Host -AsSecureString), a PSCredential (Get-Credential), or a hashtable of JSON keys.");
            default:
                throw RunbookException.InvalidParameter("NewValue",
                    $"a {raw?.GetType().Name ?? "null"} cannot be a secret value. Pass a SecureString, a PSCredential, or a hashtable of JSON keys.");
        }
    }

    private static Dictionary<string, SensitiveValue> ToKeys(IDictionary keys)
    {
        var result = new Dictionary<string, SensitiveValue>();
        foreach (DictionaryEntry entry in keys)
        {
            string key = entry.Key?.ToString() ?? "";
            // Unwrapped so the engine judges what the user wrote ([pscustomobject]@{..} stays a PSCustomObject).
            result[key] = JsonKeyValue.From(key, entry.Value is PSObject ps ? ps.BaseObject : entry.Value);
        }
        return result;
    }

    private static void RejectJsonKey(string? jsonKey, string what)
    {
        if (jsonKey != null)
            throw RunbookException.InvalidParameter("JsonKey", $"-JsonKey goes with a single value (SecureString or -GeneratePassword); {what} already names its keys.");
    }
}
