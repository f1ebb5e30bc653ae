using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using RotationOps.Commands.Completion;

namespace RotationOps.Commands.Tests;

/// <summary>The completion cache: one AWS listing per key while it is fresh, a new one after, never a kept failure.</summary>
public sealed class CompletionCacheTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_fresh_listing_is_reused_and_an_old_one_is_asked_again()
    {
        var time = new ManualTime();
        var cache = new CompletionCache(time, Lifetime);
        int calls = 0;
        Func<Task<IReadOnlyList<CompletionItem>>> list = () => Task.FromResult(Items("call " + ++calls));

        Assert.Equal("call 1", (await cache.GetOrStart("k", list))[0].Name);
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("call 1", (await cache.GetOrStart("k", list))[0].Name);
        Assert.Equal("call 2", (await cache.GetOrStart("other key", list))[0].Name);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("call 3", (await cache.GetOrStart("k", list))[0].Name);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task A_listing_still_on_its_way_is_shared_not_repeated()
    {
        var cache = new CompletionCache(new ManualTime(), Lifetime);
        var answer = new TaskCompletionSource<IReadOnlyList<CompletionItem>>();
        int calls = 0;
        Func<Task<IReadOnlyList<CompletionItem>>> list = () => { calls++; return answer.Task; };

        Task<IReadOnlyList<CompletionItem>> first = cache.GetOrStart("k", list);
        Task<IReadOnlyList<CompletionItem>> second = cache.GetOrStart("k", list);
        answer.SetResult(Items("LIVE"));

        Assert.Same(await first, await second);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_failed_listing_is_not_kept()
    {
        var cache = new CompletionCache(new ManualTime(), Lifetime);
        int calls = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            cache.GetOrStart("k", () => { calls++; return Task.FromException<IReadOnlyList<CompletionItem>>(new InvalidOperationException()); }));
        IReadOnlyList<CompletionItem> retried = await cache.GetOrStart("k", () => { calls++; return Task.FromResult(Items("BETA")); });

        Assert.Equal("BETA", retried[0].Name);
        Assert.Equal(2, calls);
    }

    private static IReadOnlyList<CompletionItem> Items(string name) => new[] { new CompletionItem(name, "", "") };

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
