using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.DynamoDb.Items;

/// <summary>Reads and writes attribute values in DynamoDB JSON (<c>{"S": "x"}</c>, <c>{"N": "1"}</c>, ...), validating as DynamoDB does.</summary>
internal static class AttributeValueJson
{
    private static readonly string[] Types = ["S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS"];

    /// <summary>An item-shaped member (attribute name to value), e.g. Item, Key, ExclusiveStartKey; null when absent.</summary>
    public static IReadOnlyDictionary<string, AttributeValue>? ReadItem(AwsJsonInput input, string member) =>
        input.StructureMap(member)?.ToDictionary(entry => entry.Key, entry => Read(entry.Value), StringComparer.Ordinal);

    public static AttributeValue Read(AwsJsonInput value)
    {
        var present = value.MemberNames.Where(name => Types.Contains(name)).ToList();
        if (present.Count != 1)
        {
            throw DynamoDbErrors.InvalidParameter(present.Count == 0
                ? "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"
                : "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }

        var type = present[0];
        return type switch
        {
            "S" => AttributeValue.String(value.String("S")!),
            "N" => AttributeValue.Num(DynamoNumber.Parse(value.String("N")!)),
            "B" => AttributeValue.Binary(value.Blob("B")!),
            "BOOL" => AttributeValue.Bool(value.Bool("BOOL")!.Value),
            "NULL" => value.Bool("NULL") == true
                ? AttributeValue.Null()
                : throw DynamoDbErrors.InvalidParameter("Null attribute value types must have the value of true"),
            "M" => AttributeValue.OfMap(ReadItem(value, "M")!),
            "L" => AttributeValue.OfList(value.StructureList("L", 0, int.MaxValue)!.Select(Read).ToList()),
            _ => ReadSet(value, type),
        };
    }

    public static void WriteItem(Utf8JsonWriter writer, string member, IReadOnlyDictionary<string, AttributeValue> item)
    {
        writer.WritePropertyName(member);
        WriteItem(writer, item);
    }

    /// <summary>An item as a bare JSON object, e.g. one of Query's Items.</summary>
    public static void WriteItem(Utf8JsonWriter writer, IReadOnlyDictionary<string, AttributeValue> item)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in item)
        {
            writer.WritePropertyName(name);
            Write(writer, value);
        }

        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, AttributeValue value)
    {
        writer.WriteStartObject();
        switch (value.Type)
        {
            case "S":
                writer.WriteString("S", value.Text);
                break;
            case "N":
                writer.WriteString("N", value.Number.ToString());
                break;
            case "B":
                writer.WriteBase64String("B", value.Bytes);
                break;
            case "BOOL":
            case "NULL":
                writer.WriteBoolean(value.Type, value.Flag);
                break;
            case "M":
                writer.WritePropertyName("M");
                WriteItem(writer, value.Map!);
                break;
            default:
                writer.WriteStartArray(value.Type);
                foreach (var item in value.Items!)
                {
                    WriteItemOf(writer, value.Type, item);
                }

                writer.WriteEndArray();
                break;
        }

        writer.WriteEndObject();
    }

    /// <summary>A list item is a whole attribute value; a set member is its bare scalar.</summary>
    private static void WriteItemOf(Utf8JsonWriter writer, string type, AttributeValue item)
    {
        switch (type)
        {
            case "L":
                Write(writer, item);
                break;
            case "SS":
                writer.WriteStringValue(item.Text);
                break;
            case "NS":
                writer.WriteStringValue(item.Number.ToString());
                break;
            default:
                writer.WriteBase64StringValue(item.Bytes);
                break;
        }
    }

    private static AttributeValue ReadSet(AwsJsonInput value, string type)
    {
        var texts = value.StringList(type, 0, int.MaxValue)!;
        var kind = type switch { "SS" => "string", "NS" => "number", _ => "binary" };
        if (texts.Count == 0)
        {
            // AWS's text, double space included.
            throw DynamoDbErrors.InvalidParameter($"An {kind} set  may not be empty");
        }

        var members = texts.Select(text => type switch
        {
            "SS" => AttributeValue.String(text),
            "NS" => AttributeValue.Num(DynamoNumber.Parse(text)),
            _ => AttributeValue.Binary(Base64(text)),
        }).ToList();
        if (members.Distinct().Count() != members.Count)
        {
            throw DynamoDbErrors.InvalidParameter($"Input collection [{string.Join(", ", texts)}] contains duplicates.");
        }

        return AttributeValue.Set(type, members);
    }

    private static byte[] Base64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw Errors.CommonErrors.Serialization("Base64 encoded value for member BS is not valid.");
        }
    }
}
