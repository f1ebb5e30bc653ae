using System.Collections.Generic;
using System.Text.Json;
using RotationOps.Engine.Aws.Http;
using RotationOps.Engine.Aws.Wire;

namespace RotationOps.Engine.DynamoDb.Wire;

/// <summary>Readers of the DynamoDB answers the journal uses. Attributes other than strings are skipped: the journal writes none.</summary>
internal static class DynamoDbResponses
{
    public static bool Nothing(AwsHttpResponse response) => true;

    public static TableDescription Table(AwsHttpResponse response)
    {
        var table = new TableDescription();
        var reader = new Utf8JsonReader(response.Body);
        JsonWire.ReadStartObject(ref reader);
        while (JsonWire.NextProperty(ref reader))
        {
            if (!reader.ValueTextEquals("Table") || !JsonWire.StartObject(ref reader))
            {
                JsonWire.Skip(ref reader);
                continue;
            }
            while (JsonWire.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("TableName")) table.TableName = JsonWire.String(ref reader) ?? "";
                else if (reader.ValueTextEquals("TableStatus")) table.TableStatus = JsonWire.String(ref reader) ?? "";
                else if (reader.ValueTextEquals("KeySchema")) ReadPairs(ref reader, "AttributeName", "KeyType", table.KeySchema);
                else if (reader.ValueTextEquals("AttributeDefinitions")) ReadPairs(ref reader, "AttributeName", "AttributeType", table.AttributeTypes);
                else JsonWire.Skip(ref reader);
            }
        }
        return table;
    }

    public static IReadOnlyDictionary<string, string>? Item(AwsHttpResponse response)
    {
        IReadOnlyDictionary<string, string>? item = null;
        var reader = new Utf8JsonReader(response.Body);
        JsonWire.ReadStartObject(ref reader);
        while (JsonWire.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("Item")) item = ReadItem(ref reader);
            else JsonWire.Skip(ref reader);
        }
        return item;
    }

    public static QueryPage QueryPage(AwsHttpResponse response)
    {
        var page = new QueryPage();
        var reader = new Utf8JsonReader(response.Body);
        JsonWire.ReadStartObject(ref reader);
        while (JsonWire.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("Items"))
            {
                if (!JsonWire.StartArray(ref reader)) continue;
                while (JsonWire.NextObject(ref reader)) page.Items.Add(ReadOpenItem(ref reader));
            }
            else if (reader.ValueTextEquals("LastEvaluatedKey")) page.LastEvaluatedKey = ReadItem(ref reader);
            else JsonWire.Skip(ref reader);
        }
        return page;
    }

    /// <summary>An item map as the property's value; null for JSON null.</summary>
    private static IReadOnlyDictionary<string, string>? ReadItem(ref Utf8JsonReader reader) =>
        JsonWire.StartObject(ref reader) ? ReadOpenItem(ref reader) : null;

    /// <summary>The rest of an item map whose '{' was just read: name → {"S": value}.</summary>
    private static Dictionary<string, string> ReadOpenItem(ref Utf8JsonReader reader)
    {
        var item = new Dictionary<string, string>();
        while (JsonWire.NextProperty(ref reader))
        {
            string name = reader.GetString()!;
            if (!JsonWire.StartObject(ref reader)) continue;
            while (JsonWire.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("S")) item[name] = JsonWire.String(ref reader) ?? "";
                else JsonWire.Skip(ref reader);
            }
        }
        return item;
    }

    /// <summary>A list of two-member objects, e.g. [{"AttributeName": "pk", "KeyType": "HASH"}], as name → value.</summary>
    private static void ReadPairs(ref Utf8JsonReader reader, string keyName, string valueName, Dictionary<string, string> into)
    {
        if (!JsonWire.StartArray(ref reader)) return;
        while (JsonWire.NextObject(ref reader))
        {
            string? key = null, value = null;
            while (JsonWire.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals(keyName)) key = JsonWire.String(ref reader);
                else if (reader.ValueTextEquals(valueName)) value = JsonWire.String(ref reader);
                else JsonWire.Skip(ref reader);
            }
            if (key != null && value != null) into[key] = value;
        }
    }
}
