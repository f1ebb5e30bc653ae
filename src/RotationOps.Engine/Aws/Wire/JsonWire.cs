using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using RotationOps.Engine.Aws.Http;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.Aws.Wire;

/// <summary>
/// Reading helpers for AWS JSON bodies over <see cref="Utf8JsonReader"/> (no reflection, trimming-safe).
/// Each value helper expects the reader on a property name and leaves it on the value's last token.
/// Malformed input throws <see cref="JsonException"/>, which callers turn into a message-free error.
/// </summary>
internal static class JsonWire
{
    public static void ReadStartObject(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("Expected a JSON object.");
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw new JsonException("Unexpected end of JSON.");
        if (reader.TokenType == JsonTokenType.EndObject) return false;
        if (reader.TokenType != JsonTokenType.PropertyName) throw new JsonException("Expected a property name.");
        return true;
    }

    /// <summary>Skips the value of the current property, whatever its shape.</summary>
    public static void Skip(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    public static string? String(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
    }

    public static bool? Boolean(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? (bool?)null : reader.GetBoolean();
    }

    public static int? Int32(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? (int?)null : reader.GetInt32();
    }

    public static double? Double(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? (double?)null : reader.GetDouble();
    }

    /// <summary>Moves onto the property's object; false when the value is null.</summary>
    public static bool StartObject(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return false;
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Expected an object.");
        return true;
    }

    /// <summary>{"name":"text",...}, e.g. Lambda's Environment.Variables.</summary>
    public static Dictionary<string, string> StringMap(ref Utf8JsonReader reader)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!StartObject(ref reader)) return map;
        while (NextProperty(ref reader))
        {
            string name = reader.GetString()!;
            map[name] = String(ref reader) ?? "";
        }
        return map;
    }

    /// <summary>{"name":number,...}, e.g. Lambda's RoutingConfig.AdditionalVersionWeights.</summary>
    public static Dictionary<string, double> NumberMap(ref Utf8JsonReader reader)
    {
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!StartObject(ref reader)) return map;
        while (NextProperty(ref reader))
        {
            string name = reader.GetString()!;
            reader.Read();
            map[name] = reader.GetDouble();
        }
        return map;
    }

    /// <summary>
    /// An awsJson timestamp: epoch seconds, possibly fractional. Strings (epoch or ISO-8601) are
    /// accepted too, because some emulators send them.
    /// </summary>
    public static DateTimeOffset? Timestamp(ref Utf8JsonReader reader)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return FromEpochSeconds(reader.GetDouble());
            case JsonTokenType.String:
                string text = reader.GetString()!;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
                    return FromEpochSeconds(seconds);
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
                    return parsed;
                throw new JsonException("Unreadable timestamp.");
            default:
                throw new JsonException("Unreadable timestamp.");
        }
    }

    /// <summary>Moves onto the property's array; false when the value is null.</summary>
    public static bool StartArray(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return false;
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("Expected an array.");
        return true;
    }

    /// <summary>Moves onto the next object of an array started with <see cref="StartArray"/>; false at its end.</summary>
    public static bool NextObject(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw new JsonException("Unexpected end of JSON.");
        if (reader.TokenType == JsonTokenType.EndArray) return false;
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Expected an object.");
        return true;
    }

    public static List<string> StringList(ref Utf8JsonReader reader)
    {
        var list = new List<string>();
        if (!StartArray(ref reader)) return list;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            list.Add(reader.GetString() ?? "");
        return list;
    }

    /// <summary>[{"Key":..,"Value":..}] as AWS sends tags.</summary>
    public static Dictionary<string, string> KeyValueList(ref Utf8JsonReader reader)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!StartArray(ref reader)) return result;
        while (NextObject(ref reader))
        {
            string? key = null, value = null;
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("Key"u8)) key = String(ref reader);
                else if (reader.ValueTextEquals("Value"u8)) value = String(ref reader);
                else Skip(ref reader);
            }
            if (key != null) result[key] = value ?? "";
        }
        return result;
    }

    /// <summary>A secret text value, unescaped straight into a buffer that is zeroed afterwards.</summary>
    public static SensitiveValue SensitiveString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("Expected a string.");
        // Escaped text is never shorter than its unescaped form, so the raw length is enough room.
        int room = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var utf8 = new byte[room];
        try
        {
            int length = reader.CopyString(utf8);
            return SensitiveText.FromUtf8(utf8, length);
        }
        finally
        {
            Array.Clear(utf8, 0, utf8.Length);
        }
    }

    /// <summary>A secret blob sent as base64.</summary>
    public static SensitiveValue SensitiveBinary(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetBytesFromBase64(out byte[]? bytes))
            throw new JsonException("Expected base64 text.");
        try
        {
            return SensitiveValue.FromBinary(bytes!);
        }
        finally
        {
            Array.Clear(bytes!, 0, bytes!.Length);
        }
    }

    private static DateTimeOffset FromEpochSeconds(double seconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000d, MidpointRounding.AwayFromZero));
}
