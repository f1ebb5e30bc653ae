using System;
using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.Lambda;

/// <summary>Writes an AliasConfiguration; RoutingConfig appears only while the alias routes to a second version.</summary>
internal static class AliasConfigurationJson
{
    public static ReadOnlyMemory<byte> Render(FunctionAlias alias) => AwsJsonOutput.Render(writer => WriteMembers(writer, alias));

    public static void WriteItem(Utf8JsonWriter writer, FunctionAlias alias)
    {
        writer.WriteStartObject();
        WriteMembers(writer, alias);
        writer.WriteEndObject();
    }

    private static void WriteMembers(Utf8JsonWriter writer, FunctionAlias alias)
    {
        writer.WriteString("AliasArn", alias.Arn);
        writer.WriteString("Name", alias.Name);
        writer.WriteString("FunctionVersion", alias.FunctionVersion);
        writer.WriteString("Description", alias.Description);
        if (alias.Routing is { } routing)
        {
            writer.WriteStartObject("RoutingConfig");
            writer.WriteStartObject("AdditionalVersionWeights");
            writer.WriteNumber(routing.Version, routing.Weight);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteString("RevisionId", alias.RevisionId);
    }
}
