using System.Collections.Generic;
using RotationOps.Sandbox.DynamoDb.Items;

namespace RotationOps.Sandbox.DynamoDb.Expressions;

/// <summary>The right-hand side of a SET action, computed from the item as it was before the update.</summary>
internal abstract record UpdateValue
{
    public abstract AttributeValue ValueIn(IReadOnlyDictionary<string, AttributeValue>? item);
}

internal sealed record OperandValue(Operand Operand) : UpdateValue
{
    public override AttributeValue ValueIn(IReadOnlyDictionary<string, AttributeValue>? item) =>
        Operand.ValueIn(item) ?? throw DynamoDbErrors.Validation("The provided expression refers to an attribute that does not exist in the item");
}

/// <summary>if_not_exists(path, fallback): the attribute's value, or the fallback when the item lacks it.</summary>
internal sealed record IfNotExistsValue(string Name, Operand Fallback) : UpdateValue
{
    public override AttributeValue ValueIn(IReadOnlyDictionary<string, AttributeValue>? item) =>
        item?.GetValueOrDefault(Name) ?? new OperandValue(Fallback).ValueIn(item);
}

/// <summary><c>a + b</c> or <c>a - b</c>; both sides must be numbers.</summary>
internal sealed record ArithmeticValue(UpdateValue Left, bool Subtract, UpdateValue Right) : UpdateValue
{
    public override AttributeValue ValueIn(IReadOnlyDictionary<string, AttributeValue>? item)
    {
        var left = Left.ValueIn(item);
        var right = Right.ValueIn(item);
        if (left.Type != "N" || right.Type != "N")
        {
            throw DynamoDbErrors.Validation("An operand in the update expression has an incorrect data type");
        }

        return AttributeValue.Num(left.Number.Add(Subtract ? right.Number.Negate() : right.Number));
    }
}
