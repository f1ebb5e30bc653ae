using System;
using System.Collections.Generic;

namespace RotationOps.Sandbox.DynamoDb.Tables;

/// <summary>Every table of the account and region. Operations run under <see cref="Gate"/>.</summary>
internal sealed class TableStore(string region, string accountId)
{
    private readonly Dictionary<string, Table> tables = new(StringComparer.Ordinal);

    public object Gate { get; } = new();

    /// <summary>Every table, in no particular order.</summary>
    public IEnumerable<Table> All => tables.Values;

    public string ArnOf(string name) => $"arn:aws:dynamodb:{region}:{accountId}:table/{name}";

    /// <summary>The table a name or table ARN names; null when there is none.</summary>
    public Table? Find(string nameOrArn)
    {
        var name = nameOrArn.StartsWith(ArnOf(string.Empty), StringComparison.Ordinal) ? nameOrArn[ArnOf(string.Empty).Length..] : nameOrArn;
        return tables.GetValueOrDefault(name);
    }

    /// <summary>The table of an item operation; a missing one is the unnamed ResourceNotFoundException those operations answer.</summary>
    public Table ForItems(string nameOrArn) => Find(nameOrArn) ?? throw DynamoDbErrors.ResourceNotFound();

    /// <summary>The table of a table operation; a missing one is named in the error.</summary>
    public Table ForTable(string nameOrArn) => Find(nameOrArn) ?? throw DynamoDbErrors.TableNotFound(nameOrArn);

    public void Add(Table table) => tables.Add(table.Name, table);

    public void Remove(Table table) => tables.Remove(table.Name);
}
