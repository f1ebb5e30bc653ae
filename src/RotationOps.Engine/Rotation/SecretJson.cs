using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.Rotation;

/// <summary>
/// Reads and rewrites JSON secrets ({"username":..,"password":..}) on UTF-8 bytes, so values are
/// copied from buffer to buffer instead of becoming strings that linger on the managed heap.
/// </summary>
public static class SecretJson
{
    /// <summary>The current JSON object with the given keys replaced (or added); other keys kept as they are.</summary>
    public static SensitiveValue Merge(SensitiveValue current, IReadOnlyDictionary<string, SensitiveValue> replacements, string secretName)
    {
        using (var document = ParseObject(current, secretName))
        {
            var root = document.RootElement;
            return WriteObject(writer =>
            {
                foreach (var property in root.EnumerateObject())
                {
                    if (replacements.TryGetValue(property.Name, out var replacement))
                        writer.WriteString(property.Name, replacement.Bytes);
                    else
                        property.WriteTo(writer);
                }
                foreach (var added in replacements.Where(r => !root.TryGetProperty(r.Key, out _)))
                    writer.WriteString(added.Key, added.Value.Bytes);
            });
        }
    }

    /// <summary>A JSON object made of the given keys only (a secret that was not JSON before).</summary>
    public static SensitiveValue Create(IReadOnlyDictionary<string, SensitiveValue> keys) =>
        WriteObject(writer =>
        {
            foreach (var key in keys) writer.WriteString(key.Key, key.Value.Bytes);
        });

    /// <summary>Names of the required keys that are missing, not strings, or empty.</summary>
    public static IReadOnlyList<string> MissingKeys(SensitiveValue value, IEnumerable<string> requiredKeys, string secretName)
    {
        using (var document = ParseObject(value, secretName))
        {
            var root = document.RootElement;
            return requiredKeys.Where(key =>
                !root.TryGetProperty(key, out var element) ||
                element.ValueKind == JsonValueKind.Null ||
                (element.ValueKind == JsonValueKind.String && element.ValueEquals(string.Empty)))
                .ToList();
        }
    }

    /// <summary>True when the value is a JSON object (what -JsonKey and -RequiredKey need).</summary>
    public static bool IsObject(SensitiveValue value)
    {
        if (value.IsBinary) return false;
        try
        {
            using (var document = JsonDocument.Parse(value.Bytes))
                return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static JsonDocument ParseObject(SensitiveValue value, string secretName)
    {
        if (IsObject(value)) return JsonDocument.Parse(value.Bytes);
        // The parser's own message can quote the value; ours names only the secret.
        throw new InvalidDataException($"The value of secret '{secretName}' is not a JSON object.");
    }

    /// <summary>Writes one JSON object and zeroes every intermediate buffer.</summary>
    private static SensitiveValue WriteObject(Action<Utf8JsonWriter> writeProperties)
    {
        using (var buffer = new MemoryStream())
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writeProperties(writer);
                writer.WriteEndObject();
            }
            byte[] bytes = buffer.ToArray();
            try
            {
                return SensitiveValue.FromUtf8(bytes);
            }
            finally
            {
                Array.Clear(bytes, 0, bytes.Length);
                if (buffer.TryGetBuffer(out var segment) && segment.Array != null)
                    Array.Clear(segment.Array, 0, segment.Array.Length);
            }
        }
    }
}
