using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.DynamoDb.Items;

namespace RotationOps.Sandbox.DynamoDb.Expressions;

/// <summary>
/// A parsed condition (ConditionExpression or KeyConditionExpression), evaluated against an item
/// that may not exist. A comparison with a missing attribute is false, except <c>&lt;&gt;</c>, which is true.
/// </summary>
internal abstract record Condition
{
    public abstract bool IsMetBy(IReadOnlyDictionary<string, AttributeValue>? item);
}

internal sealed record AndCondition(Condition Left, Condition Right) : Condition
{
    public override bool IsMetBy(IReadOnlyDictionary<string, AttributeValue>? item) => Left.IsMetBy(item) && Right.IsMetBy(item);
}

internal sealed record OrCondition(Condition Left, Condition Right) : Condition
{
    public override bool IsMetBy(IReadOnlyDictionary<string, AttributeValue>? item) => Left.IsMetBy(item) || Right.IsMetBy(item);
}

internal sealed record NotCondition(Condition Inner) : Condition
{
    public override bool IsMetBy(IReadOnlyDictionary<string, AttributeValue>? item) => !Inner.IsMetBy(item);
}

internal sealed record ComparisonCondition(Operand Left, string Comparator, Operand Right) : Condition
{
    public override bool IsMetBy(IReadOnlyDictionary<string, AttributeValue>? item)
    {
        var left = Left.ValueIn(item);
        var right = Right.ValueIn(item);
        if (Comparator is "=" or "<>")
        {
            var equal = left is not null && right is not null && left.Equals(right);
            return Comparator == "=" ? equal : !equal;
        }

        if (left is null || right is null || AttributeValue.Compare(left, right) is not { } order)
        {
            return false;
        }

        return Comparator switch
        {
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            _ => order >= 0,
        };
    }
}

internal sealed record BetweenCondition(Operand Value, Operand Low, Operand High) : Condition
{
    public override bool IsMetBy(IReadOnlyDictionary<string, AttributeValue>? item)
    {
        var value = Value.ValueIn(item);
        var low = Low.ValueIn(item);
        var high = High.ValueIn(item);
        return value is not null && low is not null && high is not null
            && AttributeValue.Compare(value, low) >= 0 && AttributeValue.Compare(value, high) <= 0;
    }
}

internal sealed record InCondition(Operand Value, IReadOnlyList<Operand> Candidates) : Condition
{
    public override bool IsMetBy(IReadOnlyDictionary<string, AttributeValue>? item) =>
        Value.ValueIn(item) is { } value && Candidates.Any(candidate => value.Equals(candidate.ValueIn(item)));
}

/// <summary>attribute_exists(path) when <paramref name="Exists"/>, attribute_not_exists(path) otherwise.</summary>
internal sealed record ExistenceCondition(string Name, bool Exists) : Condition
{
    public override bool IsMetBy(IReadOnlyDictionary<string, AttributeValue>? item) => (item?.ContainsKey(Name) ?? false) == Exists;
}

internal sealed record BeginsWithCondition(Operand Value, Operand Prefix) : Condition
{
    public override bool IsMetBy(IReadOnlyDictionary<string, AttributeValue>? item) =>
        (Value.ValueIn(item), Prefix.ValueIn(item)) switch
        {
            ({ Type: "S" } value, { Type: "S" } prefix) => value.Text!.StartsWith(prefix.Text!, StringComparison.Ordinal),
            ({ Type: "B" } value, { Type: "B" } prefix) => value.Bytes!.AsSpan().StartsWith(prefix.Bytes),
            _ => false,
        };
}

/// <summary>contains(path, operand): a substring of an S, a member of a set, or an element of an L.</summary>
internal sealed record ContainsCondition(Operand Container, Operand Member) : Condition
{
    public override bool IsMetBy(IReadOnlyDictionary<string, AttributeValue>? item) =>
        (Container.ValueIn(item), Member.ValueIn(item)) switch
        {
            ({ Type: "S" } text, { Type: "S" } part) => text.Text!.Contains(part.Text!, StringComparison.Ordinal),
            ({ Items: { } items }, { } member) => items.Contains(member),
            _ => false,
        };
}
