using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using RotationOps.Sandbox.DynamoDb.Items;
using RotationOps.Sandbox.DynamoDb.Tables;
using RotationOps.Sandbox.Protocols.AwsJson;

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
        var items = table.Items.Select(item => JsonDocument.Parse(AwsJsonOutput.Render(writer => WriteMembers(writer, item))).RootElement).ToList();
        var range = table.KeySchema.Range;
        return new TableSnapshot(table.Name, table.Arn, $"{table.KeySchema.Hash.Name} ({table.KeySchema.Hash.Type})",
            range is null ? null : $"{range.Name} ({range.Type})", table.Billing.Mode, items.Count, items);
    }

    private static void WriteMembers(Utf8JsonWriter writer, IReadOnlyDictionary<string, AttributeValue> item)
    {
        foreach (var (name, value) in item)
        {
            writer.WritePropertyName(name);
            AttributeValueJson.Write(writer, value);
        }
    }
}
