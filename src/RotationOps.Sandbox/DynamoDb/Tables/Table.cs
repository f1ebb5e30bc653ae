using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.DynamoDb.Items;

namespace RotationOps.Sandbox.DynamoDb.Tables;

/// <summary>One table: its definition and its items, each with the recent history eventually consistent reads need.</summary>
internal sealed class Table(
    string name,
    string arn,
    KeySchema keySchema,
    IReadOnlyList<KeyAttribute> attributeDefinitions,
    TableBilling billing,
    DateTimeOffset createdAt,
    TimeSpan replicationLag)
{
    private readonly Dictionary<ItemKey, ItemHistory> items = [];

    public string Name { get; } = name;

    public string Arn { get; } = arn;

    public string Id { get; } = Guid.NewGuid().ToString();

    public KeySchema KeySchema { get; } = keySchema;

    public IReadOnlyList<KeyAttribute> AttributeDefinitions { get; } = attributeDefinitions;

    public TableBilling Billing { get; } = billing;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>Every item as a strongly consistent read sees it.</summary>
    public IEnumerable<IReadOnlyDictionary<string, AttributeValue>> Items =>
        items.Values.Select(history => history.Current).OfType<IReadOnlyDictionary<string, AttributeValue>>();

    public IReadOnlyDictionary<string, AttributeValue>? Current(ItemKey key) =>
        items.TryGetValue(key, out var history) ? history.Current : null;

    public IReadOnlyDictionary<string, AttributeValue>? Read(ItemKey key, DateTimeOffset now, bool consistent) =>
        items.TryGetValue(key, out var history) ? history.Read(now, replicationLag, consistent) : null;

    /// <summary>Every item with this hash key value, as the read sees them, in no particular order.</summary>
    public IEnumerable<IReadOnlyDictionary<string, AttributeValue>> Partition(string hash, DateTimeOffset now, bool consistent) =>
        items.Where(entry => entry.Key.Hash == hash)
            .Select(entry => entry.Value.Read(now, replicationLag, consistent))
            .OfType<IReadOnlyDictionary<string, AttributeValue>>();

    /// <summary>Writes an item, or deletes it when <paramref name="item"/> is null.</summary>
    public void Write(ItemKey key, IReadOnlyDictionary<string, AttributeValue>? item, DateTimeOffset now)
    {
        if (!items.TryGetValue(key, out var history))
        {
            history = new ItemHistory();
            items[key] = history;
        }

        history.Write(item, now, replicationLag);
        if (history.IsGone(now, replicationLag))
        {
            items.Remove(key);
        }
    }
}
