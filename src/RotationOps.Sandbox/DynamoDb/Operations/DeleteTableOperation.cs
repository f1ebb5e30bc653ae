using System;
using System.Text.Json;
using RotationOps.Sandbox.DynamoDb.Tables;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.DynamoDb.Operations;

/// <summary>DeleteTable: removes the table with its items at once and answers its description as DELETING, as AWS does.</summary>
internal sealed class DeleteTableOperation(TableStore store) : IDynamoDbOperation
{
    public string Name => "DeleteTable";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var table = store.ForTable(ItemInput.TableName(input));
        TableDescriptionJson.Write(output, "TableDescription", table, "DELETING");
        store.Remove(table);
    }
}
