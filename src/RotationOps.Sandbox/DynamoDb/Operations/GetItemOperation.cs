using System;
using System.Text.Json;
using RotationOps.Sandbox.DynamoDb.Items;
using RotationOps.Sandbox.DynamoDb.Tables;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.DynamoDb.Operations;

/// <summary>GetItem: the whole item, or an empty reply when there is none; eventually consistent unless ConsistentRead.</summary>
internal sealed class GetItemOperation(TableStore store) : IDynamoDbOperation
{
    public string Name => "GetItem";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var table = store.ForItems(ItemInput.TableName(input));
        ItemInput.RefuseUnsupported(input, "AttributesToGet", "ProjectionExpression");
        var key = table.KeySchema.KeyOfKey(ItemInput.RequiredItem(input, "Key"));
        if (table.Read(key, now, input.Bool("ConsistentRead") ?? false) is { } item)
        {
            AttributeValueJson.WriteItem(output, "Item", item);
        }
    }
}
