using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.DynamoDb;
using RotationOps.Engine.Journal.Stores;

namespace RotationOps.Engine.Journal.Locks;

/// <summary>
/// Deployment locks as items of the shared journal table (pk = lock#&lt;target&gt;), changed only by
/// conditional writes: created if absent, replaced only while the holder read a moment ago is
/// still there (same token), renewed and released only by their own token. Two machines racing
/// for one alias cannot both win: DynamoDB applies one write and refuses the other's condition.
/// </summary>
internal sealed class DynamoDbTargetLockStore : ITargetLockStore
{
    private const string SortKeyValue = "lock";
    private const string TokenAttribute = "token";
    private const string LeaseAttribute = "lease";

    private readonly DynamoDbClient _client;
    private readonly string _table;

    public DynamoDbTargetLockStore(DynamoDbClient client, string table)
    {
        _client = client;
        _table = table;
    }

    public async Task<LockAttempt> TryAcquireAsync(TargetLease wanted, Func<TargetLease, bool> mayReplace)
    {
        while (true)
        {
            var item = await _client.GetItemAsync(_table, Key(wanted.Target), CancellationToken.None).ConfigureAwait(false);
            var holder = Read(item);
            // Our own token there means an earlier attempt of this very write landed and its reply was lost.
            if (holder != null && holder.Token == wanted.Token) return new LockAttempt(true, null);
            if (holder != null && !mayReplace(holder)) return new LockAttempt(false, holder);
            var condition = item == null
                ? DynamoDbCondition.NotExists(JournalTableSchema.PartitionKey)
                : DynamoDbCondition.Equals(TokenAttribute, item.TryGetValue(TokenAttribute, out var token) ? token : "");
            if (await TryWriteAsync(wanted, condition).ConfigureAwait(false)) return new LockAttempt(true, holder);
            // Someone else wrote between our read and our write: look again at who holds it now.
        }
    }

    public Task<bool> RenewAsync(TargetLease held) => TryWriteAsync(held, DynamoDbCondition.Equals(TokenAttribute, held.Token));

    /// <summary>A release that fails its condition finds the lock taken over (or already released by a resent delete): not ours to give up.</summary>
    public Task ReleaseAsync(TargetLease held) =>
        _client.TryDeleteItemAsync(_table, Key(held.Target), DynamoDbCondition.Equals(TokenAttribute, held.Token), CancellationToken.None);

    private Task<bool> TryWriteAsync(TargetLease lease, DynamoDbCondition condition)
    {
        var item = Key(lease.Target);
        item[TokenAttribute] = lease.Token;
        item[LeaseAttribute] = JsonSerializer.Serialize(lease);
        return _client.TryPutItemAsync(_table, item, condition, CancellationToken.None);
    }

    private static Dictionary<string, string> Key(string target) => JournalTableSchema.Key(JournalTableSchema.LockPartition(target), SortKeyValue);

    private static TargetLease? Read(IReadOnlyDictionary<string, string>? item)
    {
        if (item == null || !item.TryGetValue(LeaseAttribute, out var json)) return null;
        try
        {
            return JsonSerializer.Deserialize<TargetLease>(json);
        }
        catch (JsonException)
        {
            // Not written by this module: a lock nobody can read protects nothing, and is replaced.
            return new TargetLease { Token = item.TryGetValue(TokenAttribute, out var token) ? token : "", ExpiresAt = DateTimeOffset.MinValue };
        }
    }
}
