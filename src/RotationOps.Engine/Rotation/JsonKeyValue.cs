using System;
using System.Globalization;
using System.Security;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.Rotation;

/// <summary>
/// One value of -NewValue @{ key = value }. A JSON key takes one scalar; anything else would be
/// stored as its type name (a nested hashtable becomes the literal password
/// "System.Collections.Hashtable"), so it is refused before any AWS call.
/// </summary>
public static class JsonKeyValue
{
    /// <summary>The value as UTF-8 text; <paramref name="value"/> is already unwrapped from any PowerShell wrapper.</summary>
    public static SensitiveValue From(string key, object? value)
    {
        switch (value)
        {
            case null:
                throw RunbookException.InvalidParameter("NewValue", $"key '{key}' has no value.");
            case SecureString secure:
                return SensitiveValue.FromSecureString(secure);
            case string text:
                return SensitiveValue.FromString(text);
            case var scalar when scalar.GetType().IsPrimitive || scalar is decimal:
                return SensitiveValue.FromString(Convert.ToString(scalar, CultureInfo.InvariantCulture)!);
            default:
                // Only the type is named: the value itself could be a secret.
                throw RunbookException.InvalidParameter("NewValue",
                    $"key '{key}' holds a {value.GetType().Name}, but a JSON key takes a single value: a SecureString, a string, a number or a boolean. " +
                    "Give each nested value its own key, or pass the whole JSON value as one SecureString.");
        }
    }
}
