using System.Linq;
using System.Text.Json;
using RotationOps.Sandbox.DynamoDb.Items;
using RotationOps.Sandbox.DynamoDb.Tables;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.DynamoDb.Operations;

/// <summary>
/// Writes a TableDescription as CreateTable, DescribeTable and DeleteTable return it. ItemCount and
/// TableSizeBytes are live (AWS refreshes them about every six hours).
/// </summary>
internal static class TableDescriptionJson
{
    public static void Write(Utf8JsonWriter output, string member, Table table, string status)
    {
        output.WriteStartObject(member);
        output.WriteStartArray("AttributeDefinitions");
        foreach (var attribute in table.AttributeDefinitions)
        {
            output.WriteStartObject();
            output.WriteString("AttributeName", attribute.Name);
            output.WriteString("AttributeType", attribute.Type);
            output.WriteEndObject();
        }

        output.WriteEndArray();
        output.WriteString("TableName", table.Name);
        output.WriteStartArray("KeySchema");
        foreach (var key in table.KeySchema.Attributes)
        {
            output.WriteStartObject();
            output.WriteString("AttributeName", key.Name);
            output.WriteString("KeyType", key == table.KeySchema.Hash ? "HASH" : "RANGE");
            output.WriteEndObject();
        }

        output.WriteEndArray();
        output.WriteString("TableStatus", status);
        output.WriteEpoch("CreationDateTime", table.CreatedAt);
        output.WriteStartObject("ProvisionedThroughput");
        output.WriteNumber("NumberOfDecreasesToday", 0);
        output.WriteNumber("ReadCapacityUnits", table.Billing.ReadCapacityUnits);
        output.WriteNumber("WriteCapacityUnits", table.Billing.WriteCapacityUnits);
        output.WriteEndObject();
        var items = table.Items.ToList();
        output.WriteNumber("TableSizeBytes", items.Sum(ItemSize.Of));
        output.WriteNumber("ItemCount", items.Count);
        output.WriteString("TableArn", table.Arn);
        output.WriteString("TableId", table.Id);
        if (table.Billing.Mode == TableBilling.PayPerRequest)
        {
            output.WriteStartObject("BillingModeSummary");
            output.WriteString("BillingMode", TableBilling.PayPerRequest);
            output.WriteEpoch("LastUpdateToPayPerRequestDateTime", table.CreatedAt);
            output.WriteEndObject();
        }

        output.WriteBoolean("DeletionProtectionEnabled", false);
        output.WriteEndObject();
    }
}
