using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using RotationOps.Sandbox.DynamoDb.Items;
using RotationOps.Sandbox.DynamoDb.Tables;

namespace RotationOps.Sandbox.DynamoDb;

/// <summary>A read-only view of the DynamoDB tables and their items, for assertions and <c>GET /_sandbox/dynamodb</c>.</summary>
public sealed class DynamoDbInspector
{
    private readonly TableStore store;

    internal DynamoDbInspector(TableStore store) => this.store = store;

    /// <summary>Every table, by name.</summary>
    public IReadOnlyList<TableSnapshot> Tables
    {
        get
        {
            lock (store.Gate)
            {
                return store.All.OrderBy(t => t.Name, StringComparer.Ordinal).Select(Snapshot).ToList();
            }
        }
    }

    /// <summary>The table of that name; null when there is none.</summary>
    public TableSnapshot? Find(string name)
    {
        lock (store.Gate)
        {
            return store.Find(name) is { } table ? Snapshot(table) : null;
        }
    }

    private static TableSnapshot Snapshot(Table table)
    {
        var items = table.Items.Select(Json).ToList();
        var range = table.KeySchema.Range;
        return new TableSnapshot(table.Name, table.Arn, $"{table.KeySchema.Hash.Name} ({table.KeySchema.Hash.Type})",
            range is null ? null : $"{range.Name} ({range.Type})", table.Billing.Mode, items.Count, items);
    }

    private static JsonElement Json(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AttributeValueJson.WriteItem(writer, item);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
