using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace RotationOps.Sandbox.DynamoDb.Items;

/// <summary>
/// One DynamoDB attribute value, immutable. <see cref="Type"/> is DynamoDB's descriptor (S, N, B, BOOL,
/// NULL, M, L, SS, NS, BS) and exactly one payload member belongs to it. Equality is DynamoDB's:
/// numbers by value, maps and sets regardless of order, lists in order.
/// </summary>
internal sealed record AttributeValue
{
    private AttributeValue(string type) => Type = type;

    public string Type { get; }

    /// <summary>S; also the members of an SS.</summary>
    public string? Text { get; private init; }

    public DynamoNumber Number { get; private init; }

    public byte[]? Bytes { get; private init; }

    /// <summary>BOOL's value; NULL is always true.</summary>
    public bool Flag { get; private init; }

    public IReadOnlyDictionary<string, AttributeValue>? Map { get; private init; }

    /// <summary>L's items, and the members of SS, NS and BS (each an S, N or B).</summary>
    public IReadOnlyList<AttributeValue>? Items { get; private init; }

    public static AttributeValue String(string text) => new("S") { Text = text };

    public static AttributeValue Num(DynamoNumber number) => new("N") { Number = number };

    public static AttributeValue Binary(byte[] bytes) => new("B") { Bytes = bytes };

    public static AttributeValue Bool(bool value) => new("BOOL") { Flag = value };

    public static AttributeValue Null() => new("NULL") { Flag = true };

    public static AttributeValue OfMap(IReadOnlyDictionary<string, AttributeValue> map) => new("M") { Map = map };

    public static AttributeValue OfList(IReadOnlyList<AttributeValue> items) => new("L") { Items = items };

    /// <summary>An SS, NS or BS; <paramref name="members"/> are S, N or B values without duplicates.</summary>
    public static AttributeValue Set(string type, IReadOnlyList<AttributeValue> members) => new(type) { Items = members };

    public bool IsSet => Type is "SS" or "NS" or "BS";

    /// <summary>
    /// Orders two scalars (S by UTF-8 bytes, N numerically, B by unsigned bytes) as DynamoDB's
    /// comparators do; null when they cannot be ordered (different types, or not S, N or B).
    /// </summary>
    public static int? Compare(AttributeValue left, AttributeValue right)
    {
        if (left.Type != right.Type)
        {
            return null;
        }

        return left.Type switch
        {
            "S" => Encoding.UTF8.GetBytes(left.Text!).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(right.Text!)),
            "N" => left.Number.CompareTo(right.Number),
            "B" => left.Bytes!.AsSpan().SequenceCompareTo(right.Bytes),
            _ => null,
        };
    }

    public bool Equals(AttributeValue? other)
    {
        if (other is null || other.Type != Type)
        {
            return false;
        }

        return Type switch
        {
            "S" => Text == other.Text,
            "N" => Number == other.Number,
            "B" => Bytes!.AsSpan().SequenceEqual(other.Bytes),
            "BOOL" or "NULL" => Flag == other.Flag,
            "M" => Map!.Count == other.Map!.Count
                && Map.All(entry => other.Map.TryGetValue(entry.Key, out var value) && entry.Value.Equals(value)),
            "L" => Items!.SequenceEqual(other.Items!),
            _ => Items!.Count == other.Items!.Count && Items.All(member => other.Items.Contains(member)),
        };
    }

    public override int GetHashCode() => Type switch
    {
        "S" => HashCode.Combine(Type, Text),
        "N" => HashCode.Combine(Type, Number),
        "BOOL" or "NULL" => HashCode.Combine(Type, Flag),
        _ => Type.GetHashCode(StringComparison.Ordinal),
    };
}
