using System;
using System.Text.Json;

namespace RotationOps.Engine.Aws.Wire;

/// <summary>
/// Writes a JSON request body (one object) with Utf8JsonWriter into a buffer that is zeroed after
/// the call, because bodies can carry secret values or environment variables.
/// </summary>
internal static class JsonRequestBody
{
    /// <summary>
    /// One JSON object; the buffer is zeroed if writing fails half-way. <paramref name="expectedLength"/>
    /// is reserved up front, so a large or secret value is not copied through ever larger buffers.
    /// </summary>
    public static SensitiveBufferWriter Write(Action<Utf8JsonWriter> writeProperties, int expectedLength = 0)
    {
        var buffer = new SensitiveBufferWriter(512 + expectedLength);
        try
        {
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                writeProperties(json);
                json.WriteEndObject();
            }
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>Leaves the property out when the value is null: AWS then keeps its default or current setting.</summary>
    public static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value != null) json.WriteString(name, value);
    }

    public static void WriteOptional(Utf8JsonWriter json, string name, bool? value)
    {
        if (value.HasValue) json.WriteBoolean(name, value.Value);
    }
}
