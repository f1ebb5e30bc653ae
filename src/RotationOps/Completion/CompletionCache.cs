using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace RotationOps.Commands.Completion;

/// <summary>
/// AWS listings by key (session, account, region, endpoint, operation and its argument) for a short
/// while, so pressing Tab again, or cycling through a menu, makes no new call. The listing itself is
/// kept, not its result: a second Tab while the first call is still on its way waits for that call
/// instead of starting another. A failed listing is never kept.
/// </summary>
internal sealed class CompletionCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public CompletionCache(TimeProvider time, TimeSpan lifetime)
    {
        _time = time;
        _lifetime = lifetime;
    }

    public Task<IReadOnlyList<CompletionItem>> GetOrStart(string key, Func<Task<IReadOnlyList<CompletionItem>>> list)
    {
        DateTimeOffset now = _time.GetUtcNow();
        if (_entries.TryGetValue(key, out Entry? kept) && kept.IsUsable(now, _lifetime)) return kept.Listing;

        // Dropped here rather than on a timer: the cache only grows when someone presses Tab.
        foreach (var stale in _entries.Where(e => !e.Value.IsUsable(now, _lifetime)).ToList())
            _entries.TryRemove(stale.Key, out _);
        var entry = new Entry(list(), now);
        _entries[key] = entry;
        return entry.Listing;
    }

    private sealed class Entry
    {
        public Entry(Task<IReadOnlyList<CompletionItem>> listing, DateTimeOffset started)
        {
            Listing = listing;
            Started = started;
        }

        public Task<IReadOnlyList<CompletionItem>> Listing { get; }
        public DateTimeOffset Started { get; }

        public bool IsUsable(DateTimeOffset now, TimeSpan lifetime) =>
            !Listing.IsFaulted && !Listing.IsCanceled && now - Started < lifetime;
    }
}
