using System;
using System.Globalization;
using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.Lambda;

/// <summary>Writes a FunctionConfiguration the way Lambda returns it, lifecycle states read off the virtual clock.</summary>
internal static class FunctionConfigurationJson
{
    /// <summary>Lambda's own timestamp format, e.g. <c>2019-08-14T22:26:11.234+0000</c>.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    /// <summary>The configuration as a top-level object (Get/Update/Publish replies).</summary>
    public static ReadOnlyMemory<byte> Render(LambdaFunction function, FunctionVersion version, string functionArn, DateTimeOffset now) =>
        AwsJsonOutput.Render(writer => WriteMembers(writer, function, version, functionArn, now));

    /// <summary>The configuration as a named member or list item.</summary>
    public static void WriteObject(Utf8JsonWriter writer, string? name, LambdaFunction function, FunctionVersion version, string functionArn, DateTimeOffset now)
    {
        if (name is null)
        {
            writer.WriteStartObject();
        }
        else
        {
            writer.WriteStartObject(name);
        }

        WriteMembers(writer, function, version, functionArn, now);
        writer.WriteEndObject();
    }

    private static void WriteMembers(Utf8JsonWriter writer, LambdaFunction function, FunctionVersion version, string functionArn, DateTimeOffset now)
    {
        var settings = version.Settings;
        writer.WriteString("FunctionName", function.Name);
        writer.WriteString("FunctionArn", functionArn);
        writer.WriteStringIfSet("Runtime", settings.Runtime);
        writer.WriteString("Role", settings.Role);
        writer.WriteStringIfSet("Handler", settings.Handler);
        writer.WriteNumber("CodeSize", version.Code.Size);
        writer.WriteString("Description", settings.Description);
        writer.WriteNumber("Timeout", settings.Timeout);
        writer.WriteNumber("MemorySize", settings.MemorySize);
        writer.WriteString("LastModified", Timestamp(version.LastModified));
        writer.WriteString("CodeSha256", version.Code.Sha256);
        writer.WriteString("Version", version.Version);
        if (settings.Environment is { } variables)
        {
            writer.WriteStartObject("Environment");
            writer.WriteStartObject("Variables");
            foreach (var (key, value) in variables)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        if (settings.DeadLetterTargetArn is { } deadLetter)
        {
            writer.WriteStartObject("DeadLetterConfig");
            writer.WriteString("TargetArn", deadLetter);
            writer.WriteEndObject();
        }

        writer.WriteStartObject("TracingConfig");
        writer.WriteString("Mode", "PassThrough");
        writer.WriteEndObject();
        writer.WriteString("RevisionId", version.RevisionId);
        writer.WriteString("State", version.State(now));
        if (version.StateReason(now) is { } reason)
        {
            writer.WriteString("StateReason", reason.Reason);
            writer.WriteString("StateReasonCode", reason.Code);
        }

        writer.WriteString("LastUpdateStatus", version.IsLatest && function.IsUpdating(now) ? "InProgress" : "Successful");
        writer.WriteString("PackageType", "Zip");
        writer.WriteStartArray("Architectures");
        writer.WriteStringValue("x86_64");
        writer.WriteEndArray();
        writer.WriteStartObject("EphemeralStorage");
        writer.WriteNumber("Size", 512);
        writer.WriteEndObject();
    }
}
