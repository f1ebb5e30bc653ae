using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.DynamoDb;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Journal.Locks;

namespace RotationOps.Engine.Journal.Stores;

/// <summary>
/// The journal in a DynamoDB table (layout in <see cref="JournalTableSchema"/>), shared by CI
/// runners and operators: a deployment started on one machine is resumed, undone or seen in
/// flight from another. Each entry takes the next free place in its deployment with a
/// create-only conditional write, so two writers of one deployment never overwrite each other:
/// the loser re-reads the tail and takes the place after it.
/// </summary>
internal sealed class DynamoDbJournalStore : IJournalStore
{
    private const string EntryAttribute = "entry";
    private const string EntryIdAttribute = "entryId";
    private const string StartedAtAttribute = "startedAt";
    private const string KeyAttribute = "key";

    private readonly DynamoDbClient _client;
    private readonly string _table;

    /// <summary>The last place this process wrote in each deployment, so most appends need no read.</summary>
    private readonly ConcurrentDictionary<string, int> _lastPlace = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

    /// <summary>(deployment, target) pairs this process has indexed; the table's create-only write settles races with others.</summary>
    private readonly ConcurrentDictionary<string, bool> _indexed = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

    private DynamoDbJournalStore(DynamoDbClient client, string table)
    {
        _client = client;
        _table = table;
        Locks = new DynamoDbTargetLockStore(client, table);
    }

    public string Location => $"DynamoDB table '{_table}' in {_client.Connection.Region}";

    public ITargetLockStore Locks { get; }

    /// <summary>Connects and checks that the table exists with the journal's key schema, before anything changes.</summary>
    /// <exception cref="RunbookException">InvalidParameter, JournalTableNotFound, JournalTableSchema, JournalTableNotReady.</exception>
    /// <exception cref="AwsConfigurationException">The connection settings cannot work.</exception>
    public static async Task<DynamoDbJournalStore> OpenAsync(string table, AwsConnectionOptions options, TimeProvider time, Action<string>? verbose,
        CancellationToken cancellationToken)
    {
        JournalTableSchema.ValidateName(table);
        var client = DynamoDbClient.Create(options, time, verbose);
        TableDescription description;
        try
        {
            description = await client.DescribeTableAsync(table, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.ErrorCode == DynamoDbClient.ResourceNotFound)
        {
            throw new RunbookException("JournalTableNotFound", RunbookErrorCategory.ObjectNotFound,
                $"The journal table '{table}' does not exist in {client.Connection.Region}. Nothing was changed. " +
                $"Create it once with: {JournalTableSchema.CreateCommand(table, client.Connection.Region)}",
                table, "JournalTable", e);
        }
        JournalTableSchema.Check(description, client.Connection.Region);
        return new DynamoDbJournalStore(client, table);
    }

    /// <summary>One item (pk = key#fingerprint), created only if absent: the first machine's key stands for all.</summary>
    public async Task<byte[]> FingerprintKeyAsync()
    {
        var item = JournalTableSchema.Key(JournalTableSchema.FingerprintKeyPartition, "key");
        var key = FingerprintKey.New();
        item[KeyAttribute] = Convert.ToBase64String(key);
        if (await _client.TryPutItemAsync(_table, item, DynamoDbCondition.NotExists(JournalTableSchema.PartitionKey), CancellationToken.None).ConfigureAwait(false))
            return key;
        var there = await _client.GetItemAsync(_table, JournalTableSchema.Key(JournalTableSchema.FingerprintKeyPartition, "key"), CancellationToken.None)
            .ConfigureAwait(false);
        return Convert.FromBase64String(there![KeyAttribute]);
    }

    public async Task AppendAsync(JournalEntry entry)
    {
        await IndexAsync(entry).ConfigureAwait(false);
        string partition = JournalTableSchema.DeploymentPartition(entry.DeploymentId);
        string entryId = Guid.NewGuid().ToString("N");
        int place = _lastPlace.TryGetValue(entry.DeploymentId, out int last) ? last + 1 : await LastPlaceAsync(partition).ConfigureAwait(false) + 1;
        while (true)
        {
            var item = JournalTableSchema.Key(partition, JournalTableSchema.EntrySortKey(place));
            item[EntryIdAttribute] = entryId;
            item[EntryAttribute] = JournalEntryJson.Write(entry);
            if (await _client.TryPutItemAsync(_table, item, DynamoDbCondition.NotExists(JournalTableSchema.PartitionKey), CancellationToken.None).ConfigureAwait(false))
                break;
            // Taken: by another writer, or by this very write whose first reply was lost and was resent.
            var there = await _client.GetItemAsync(_table, JournalTableSchema.Key(partition, JournalTableSchema.EntrySortKey(place)), CancellationToken.None)
                .ConfigureAwait(false);
            if (there != null && there.TryGetValue(EntryIdAttribute, out var id) && id == entryId) break;
            place = await LastPlaceAsync(partition).ConfigureAwait(false) + 1;
        }
        _lastPlace[entry.DeploymentId] = place;
    }

    public async Task<IReadOnlyList<JournalEntry>> ReadDeploymentAsync(string deploymentId, CancellationToken cancellationToken)
    {
        var items = await _client.QueryAsync(_table, JournalTableSchema.PartitionKey, JournalTableSchema.DeploymentPartition(deploymentId),
            newestFirst: false, limit: null, cancellationToken).ConfigureAwait(false);
        var entries = new List<JournalEntry>(items.Count);
        foreach (var item in items)
        {
            var entry = item.TryGetValue(EntryAttribute, out var text) ? JournalEntryJson.Read(text) : null;
            if (entry != null) entries.Add(entry);
        }
        return entries;
    }

    public async Task<IReadOnlyList<JournalEntry>> ReadTargetAsync(string target, int recentDeployments, CancellationToken cancellationToken)
    {
        var index = await _client.QueryAsync(_table, JournalTableSchema.PartitionKey, JournalTableSchema.TargetPartition(target),
            newestFirst: false, limit: null, cancellationToken).ConfigureAwait(false);
        var recent = index
            .Select(i => (Id: i[JournalTableSchema.SortKey], StartedAt: i.TryGetValue(StartedAtAttribute, out var at) ? at : ""))
            .OrderBy(i => i.StartedAt, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal)
            .Skip(Math.Max(0, index.Count - recentDeployments))
            .ToList();
        var reads = recent.Select(i => ReadDeploymentAsync(i.Id, cancellationToken)).ToList();
        var entries = new List<JournalEntry>();
        foreach (var read in reads)
            entries.AddRange((await read.ConfigureAwait(false)).Where(e => e.Target == target));
        return entries;
    }

    /// <summary>
    /// Files the deployment under its target the first time it writes about that target, so the
    /// target's history is one small query. Written before the entry: an index item whose entries
    /// a crash kept from being written reads as nothing, whereas an entry missing from the index
    /// would hide a deployment in flight. The first writer's start time stands.
    /// </summary>
    private async Task IndexAsync(JournalEntry entry)
    {
        if (string.IsNullOrEmpty(entry.Target) || !_indexed.TryAdd(entry.DeploymentId + "\n" + entry.Target, true)) return;
        var item = JournalTableSchema.Key(JournalTableSchema.TargetPartition(entry.Target), entry.DeploymentId);
        item[StartedAtAttribute] = entry.Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
        // A failed condition means it is indexed already, by an earlier run of this deployment or another process.
        await _client.TryPutItemAsync(_table, item, DynamoDbCondition.NotExists(JournalTableSchema.PartitionKey), CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>The highest place taken in a deployment's partition; 0 when it has no entries.</summary>
    private async Task<int> LastPlaceAsync(string partition)
    {
        var last = await _client.QueryAsync(_table, JournalTableSchema.PartitionKey, partition, newestFirst: true, limit: 1, CancellationToken.None)
            .ConfigureAwait(false);
        if (last.Count == 0) return 0;
        string sortKey = last[0][JournalTableSchema.SortKey];
        return int.Parse(sortKey.Substring(sortKey.IndexOf('#') + 1), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
