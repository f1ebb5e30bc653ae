using System.Collections.Generic;
using RotationOps.Sandbox.DynamoDb.Items;

namespace RotationOps.Sandbox.DynamoDb.Expressions;

/// <summary>What an expression compares: a top-level attribute of the item, or a value from ExpressionAttributeValues.</summary>
internal abstract record Operand
{
    /// <summary>The operand's value for this item; null when it names an attribute the item does not have.</summary>
    public abstract AttributeValue? ValueIn(IReadOnlyDictionary<string, AttributeValue>? item);
}

internal sealed record PathOperand(string Name) : Operand
{
    public override AttributeValue? ValueIn(IReadOnlyDictionary<string, AttributeValue>? item) => item?.GetValueOrDefault(Name);
}

internal sealed record ValueOperand(AttributeValue Value) : Operand
{
    public override AttributeValue? ValueIn(IReadOnlyDictionary<string, AttributeValue>? item) => Value;
}
