using System;
using System.Text.Json;
using RotationOps.Sandbox.DynamoDb.Expressions;
using RotationOps.Sandbox.DynamoDb.Tables;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.DynamoDb.Operations;

/// <summary>DeleteItem: removes the item (a missing one is no error), if its ConditionExpression holds; ReturnValues NONE or ALL_OLD.</summary>
internal sealed class DeleteItemOperation(TableStore store) : IDynamoDbOperation
{
    public string Name => "DeleteItem";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var table = store.ForItems(ItemInput.TableName(input));
        ItemInput.RefuseUnsupported(input, "Expected", "ConditionalOperator");
        var key = table.KeySchema.KeyOfKey(ItemInput.RequiredItem(input, "Key"));
        var attributes = ExpressionAttributes.Read(input, input.Has("ConditionExpression"));
        var condition = ItemInput.Condition(input, attributes);
        attributes.EnsureAllUsed();
        var returnValues = ItemInput.ReturnValues(input, "NONE", "ALL_OLD");
        var old = table.Current(key);
        ItemInput.Check(input, condition, old);
        if (old is not null)
        {
            table.Write(key, null, now);
        }

        ItemInput.WriteAttributes(output, returnValues == "ALL_OLD" ? old : null);
    }
}
