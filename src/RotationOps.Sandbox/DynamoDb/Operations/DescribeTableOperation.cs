using System;
using System.Text.Json;
using RotationOps.Sandbox.DynamoDb.Tables;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.DynamoDb.Operations;

/// <summary>DescribeTable: the table's definition, status and counts; a missing table is named in the error.</summary>
internal sealed class DescribeTableOperation(TableStore store) : IDynamoDbOperation
{
    public string Name => "DescribeTable";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now) =>
        TableDescriptionJson.Write(output, "Table", store.ForTable(ItemInput.TableName(input)), "ACTIVE");
}
