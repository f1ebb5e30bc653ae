using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.DynamoDb.Items;

namespace RotationOps.Sandbox.DynamoDb.Tables;

/// <summary>
/// The recent writes of one item. A strongly consistent read sees the last write; an eventually
/// consistent read sees the last write at least the replication lag old, as a replica that has not
/// caught up would. Versions no read can see any more are dropped.
/// </summary>
internal sealed class ItemHistory
{
    private readonly List<ItemVersion> versions = [];

    public IReadOnlyDictionary<string, AttributeValue>? Current => versions.Count == 0 ? null : versions[^1].Item;

    public IReadOnlyDictionary<string, AttributeValue>? Read(DateTimeOffset now, TimeSpan lag, bool consistent) =>
        consistent ? Current : versions.LastOrDefault(v => v.WrittenAt <= now - lag)?.Item;

    public void Write(IReadOnlyDictionary<string, AttributeValue>? item, DateTimeOffset now, TimeSpan lag)
    {
        versions.Add(new ItemVersion(now, item));
        var visible = versions.FindLastIndex(v => v.WrittenAt <= now - lag);
        if (visible > 0)
        {
            versions.RemoveRange(0, visible);
        }
    }

    /// <summary>True when nothing is left to read: the item is deleted and every replica knows it.</summary>
    public bool IsGone(DateTimeOffset now, TimeSpan lag) => versions.All(v => v.Item is null) && versions[^1].WrittenAt <= now - lag;
}
