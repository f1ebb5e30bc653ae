using System;
using System.Text.Json;
using RotationOps.Sandbox.DynamoDb.Expressions;
using RotationOps.Sandbox.DynamoDb.Items;
using RotationOps.Sandbox.DynamoDb.Tables;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.DynamoDb.Operations;

/// <summary>PutItem: replaces the whole item, if its ConditionExpression holds; ReturnValues NONE or ALL_OLD.</summary>
internal sealed class PutItemOperation(TableStore store) : IDynamoDbOperation
{
    public string Name => "PutItem";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var table = store.ForItems(ItemInput.TableName(input));
        ItemInput.RefuseUnsupported(input, "Expected", "ConditionalOperator");
        var item = ItemInput.RequiredItem(input, "Item");
        var attributes = ExpressionAttributes.Read(input, input.Has("ConditionExpression"));
        var condition = ItemInput.Condition(input, attributes);
        attributes.EnsureAllUsed();
        var returnValues = ItemInput.ReturnValues(input, "NONE", "ALL_OLD");
        var key = table.KeySchema.KeyOfItem(item);
        if (ItemSize.Of(item) > ItemSize.MaxBytes)
        {
            throw DynamoDbErrors.ItemTooLarge();
        }

        var old = table.Current(key);
        ItemInput.Check(input, condition, old);
        table.Write(key, item, now);
        ItemInput.WriteAttributes(output, returnValues == "ALL_OLD" ? old : null);
    }
}
