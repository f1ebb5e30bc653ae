using System.Collections.Generic;
using System.Text.Json;
using RotationOps.Engine.Aws.Wire;

namespace RotationOps.Engine.DynamoDb.Wire;

/// <summary>Request bodies of the DynamoDB operations the journal uses; every attribute is a string ("S").</summary>
internal static class DynamoDbRequests
{
    public static SensitiveBufferWriter DescribeTable(string table) =>
        JsonRequestBody.Write(json => json.WriteString("TableName", table));

    public static SensitiveBufferWriter PutItem(string table, IReadOnlyDictionary<string, string> item, DynamoDbCondition condition) =>
        JsonRequestBody.Write(json =>
        {
            json.WriteString("TableName", table);
            WriteItem(json, "Item", item);
            WriteCondition(json, condition);
        });

    public static SensitiveBufferWriter DeleteItem(string table, IReadOnlyDictionary<string, string> key, DynamoDbCondition condition) =>
        JsonRequestBody.Write(json =>
        {
            json.WriteString("TableName", table);
            WriteItem(json, "Key", key);
            WriteCondition(json, condition);
        });

    public static SensitiveBufferWriter GetItem(string table, IReadOnlyDictionary<string, string> key) =>
        JsonRequestBody.Write(json =>
        {
            json.WriteString("TableName", table);
            WriteItem(json, "Key", key);
            json.WriteBoolean("ConsistentRead", true);
        });

    public static SensitiveBufferWriter Query(string table, string partitionAttribute, string partitionValue, bool newestFirst, int? limit,
        IReadOnlyDictionary<string, string>? startKey) =>
        JsonRequestBody.Write(json =>
        {
            json.WriteString("TableName", table);
            json.WriteString("KeyConditionExpression", "#partition = :partition");
            WriteStrings(json, "ExpressionAttributeNames", new Dictionary<string, string> { ["#partition"] = partitionAttribute }, typed: false);
            WriteStrings(json, "ExpressionAttributeValues", new Dictionary<string, string> { [":partition"] = partitionValue }, typed: true);
            json.WriteBoolean("ConsistentRead", true);
            json.WriteBoolean("ScanIndexForward", !newestFirst);
            if (limit.HasValue) json.WriteNumber("Limit", limit.Value);
            if (startKey != null) WriteItem(json, "ExclusiveStartKey", startKey);
        });

    private static void WriteCondition(Utf8JsonWriter json, DynamoDbCondition condition)
    {
        json.WriteString("ConditionExpression", condition.Expression);
        WriteStrings(json, "ExpressionAttributeNames", condition.Names, typed: false);
        if (condition.Values.Count > 0) WriteStrings(json, "ExpressionAttributeValues", condition.Values, typed: true);
    }

    private static void WriteItem(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> item) =>
        WriteStrings(json, name, item, typed: true);

    /// <summary>A map of strings; <paramref name="typed"/> wraps each value as an AttributeValue {"S": ...}.</summary>
    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> values, bool typed)
    {
        json.WriteStartObject(name);
        foreach (var pair in values)
        {
            if (!typed)
            {
                json.WriteString(pair.Key, pair.Value);
                continue;
            }
            json.WriteStartObject(pair.Key);
            json.WriteString("S", pair.Value);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
