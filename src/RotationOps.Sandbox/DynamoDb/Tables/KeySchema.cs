using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.DynamoDb.Items;

namespace RotationOps.Sandbox.DynamoDb.Tables;

/// <summary>A table's primary key: a HASH attribute and an optional RANGE attribute, and how requests' keys are checked against it.</summary>
internal sealed record KeySchema(KeyAttribute Hash, KeyAttribute? Range)
{
    public IEnumerable<KeyAttribute> Attributes => Range is null ? [Hash] : [Hash, Range];

    public bool IsKey(string attribute) => Attributes.Any(key => key.Name == attribute);

    /// <summary>The key of a whole item (PutItem): every key attribute present, of the declared type, not empty.</summary>
    public ItemKey KeyOfItem(IReadOnlyDictionary<string, AttributeValue> item)
    {
        foreach (var key in Attributes)
        {
            if (!item.TryGetValue(key.Name, out var value))
            {
                throw DynamoDbErrors.MissingKey(key.Name);
            }

            if (value.Type != key.Type)
            {
                throw DynamoDbErrors.KeyTypeMismatch(key.Name, key.Type, value.Type);
            }
        }

        return KeyOf(item);
    }

    /// <summary>A request's Key member (GetItem, UpdateItem, DeleteItem, ExclusiveStartKey): exactly the key attributes, of the declared types.</summary>
    public ItemKey KeyOfKey(IReadOnlyDictionary<string, AttributeValue> key)
    {
        if (key.Count != Attributes.Count() || Attributes.Any(k => !key.TryGetValue(k.Name, out var value) || value.Type != k.Type))
        {
            throw DynamoDbErrors.KeyMismatch();
        }

        return KeyOf(key);
    }

    /// <summary>Only the key attributes of an item: what an UpdateItem on a missing item starts from, and a LastEvaluatedKey.</summary>
    public IReadOnlyDictionary<string, AttributeValue> KeyAttributesOf(IReadOnlyDictionary<string, AttributeValue> item) =>
        Attributes.ToDictionary(key => key.Name, key => item[key.Name], StringComparer.Ordinal);

    /// <summary>The canonical text of a hash key value, as <see cref="ItemKey.Hash"/> holds it.</summary>
    public string HashOf(AttributeValue value) => Canonical(Hash, value);

    private ItemKey KeyOf(IReadOnlyDictionary<string, AttributeValue> values) =>
        new(Canonical(Hash, values[Hash.Name]), Range is null ? null : Canonical(Range, values[Range.Name]));

    private static string Canonical(KeyAttribute key, AttributeValue value)
    {
        var text = value.Type switch
        {
            "S" => value.Text!,
            "N" => value.Number.ToString(),
            _ => Convert.ToBase64String(value.Bytes!),
        };
        return text.Length == 0 ? throw DynamoDbErrors.EmptyKeyValue(key.Name, key.Type == "S" ? "string" : "binary") : text;
    }
}
