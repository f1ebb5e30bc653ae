using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using RotationOps.Sandbox.DynamoDb.Expressions;
using RotationOps.Sandbox.DynamoDb.Items;
using RotationOps.Sandbox.DynamoDb.Tables;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.DynamoDb.Operations;

/// <summary>
/// UpdateItem: applies the UpdateExpression to the item, creating it (from its key) when missing, if the
/// ConditionExpression holds. ReturnValues NONE, ALL_OLD, UPDATED_OLD, ALL_NEW or UPDATED_NEW.
/// </summary>
internal sealed class UpdateItemOperation(TableStore store) : IDynamoDbOperation
{
    public string Name => "UpdateItem";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var table = store.ForItems(ItemInput.TableName(input));
        ItemInput.RefuseUnsupported(input, "Expected", "ConditionalOperator", "AttributeUpdates");
        var keyAttributes = ItemInput.RequiredItem(input, "Key");
        var key = table.KeySchema.KeyOfKey(keyAttributes);
        var attributes = ExpressionAttributes.Read(input, input.Has("ConditionExpression") || input.Has("UpdateExpression"));
        var update = input.String("UpdateExpression") is { } source ? UpdateExpression.Parse(source, attributes) : new UpdateExpression([]);
        var condition = ItemInput.Condition(input, attributes);
        attributes.EnsureAllUsed();
        var returnValues = ItemInput.ReturnValues(input, "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
        if (update.Names.FirstOrDefault(table.KeySchema.IsKey) is { } keyName)
        {
            throw DynamoDbErrors.InvalidParameter($"Cannot update attribute {keyName}. This attribute is part of the key");
        }

        var old = table.Current(key);
        ItemInput.Check(input, condition, old);
        var updated = update.Apply(old, old ?? keyAttributes);
        if (ItemSize.Of(updated) > ItemSize.MaxBytes)
        {
            throw DynamoDbErrors.UpdatedItemTooLarge();
        }

        table.Write(key, updated, now);
        ItemInput.WriteAttributes(output, returnValues switch
        {
            "ALL_OLD" => old,
            "ALL_NEW" => updated,
            "UPDATED_OLD" => Touched(old, update),
            "UPDATED_NEW" => Touched(updated, update),
            _ => null,
        });
    }

    private static Dictionary<string, AttributeValue>? Touched(IReadOnlyDictionary<string, AttributeValue>? item, UpdateExpression update) =>
        item?.Where(entry => update.Names.Contains(entry.Key)).ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);
}
