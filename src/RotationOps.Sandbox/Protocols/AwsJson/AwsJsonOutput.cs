using System;
using System.Buffers;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.Errors;

namespace RotationOps.Sandbox.Protocols.AwsJson;

/// <summary>Writes awsJson replies: JSON bodies, epoch-second timestamps, and error bodies.</summary>
internal static class AwsJsonOutput
{
    public const string ContentType = "application/x-amz-json-1.1";

    /// <summary>Timestamps go out as epoch seconds with a fractional part, as AWS sends them.</summary>
    public static decimal Epoch(DateTimeOffset value) => value.ToUnixTimeMilliseconds() / 1000m;

    public static void WriteEpoch(this Utf8JsonWriter writer, string name, DateTimeOffset value) =>
        writer.WriteNumber(name, Epoch(value));

    public static void WriteEpochIfSet(this Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } instant)
        {
            writer.WriteEpoch(name, instant);
        }
    }

    public static void WriteStringIfSet(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Renders one reply body: the writer callback fills in the members of the top-level object.</summary>
    public static ReadOnlyMemory<byte> Render(Action<Utf8JsonWriter> members)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    /// <summary>Writes a reply; <paramref name="contentType"/> is awsJson1_1's by default, awsJson1_0 services pass <c>application/x-amz-json-1.0</c>.</summary>
    public static async Task WriteAsync(HttpResponse response, int statusCode, ReadOnlyMemory<byte> body, string contentType = ContentType)
    {
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }

    /// <summary>
    /// Error body <c>{"__type": code, "Message": text}</c>; the signature-checking front door spells
    /// the text member <c>message</c>, as AWS's does.
    /// </summary>
    public static Task WriteErrorAsync(HttpResponse response, AwsErrorException error)
    {
        var body = Render(writer =>
        {
            writer.WriteString("__type", error.Code);
            writer.WriteString(error.Origin == ErrorOrigin.Authentication ? "message" : "Message", error.Message);
        });
        return WriteAsync(response, error.StatusCode, body);
    }
}
