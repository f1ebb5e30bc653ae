using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Sandbox.Time;

namespace RotationOps.Sandbox.Tests.Units;

/// <summary>Auto-advance as a discrete-event simulation: concurrent waiters share one timeline.</summary>
[Collection(nameof(VirtualClockAutoAdvanceTests))]
public sealed class VirtualClockAutoAdvanceTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_hundred_concurrent_thirty_minute_bakes_end_at_thirty_minutes_not_six_thousand()
    {
        using var clock = new VirtualClock(Start) { AutoAdvance = true };

        var ends = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(async () =>
        {
            for (var minute = 0; minute < 30; minute++)
            {
                await Task.Delay(TimeSpan.FromMinutes(1), clock);
            }

            return clock.GetUtcNow();
        }))).WaitAsync(TimeSpan.FromSeconds(20));

        // Never early, and concurrent (not 200 × 30 minutes). A waiter that is slow to re-arm its
        // timer on a loaded CPU can see the clock move on without it, hence the small slack.
        Assert.All(ends, end => Assert.InRange(end, Start.AddMinutes(30), Start.AddMinutes(33)));
        Assert.InRange(clock.GetUtcNow(), Start.AddMinutes(30), Start.AddMinutes(33));
    }

    [Fact]
    public async Task Waiters_with_different_periods_each_see_exactly_their_own_schedule()
    {
        using var clock = new VirtualClock(Start) { AutoAdvance = true };

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            var step = TimeSpan.FromMinutes(i % 4 + 1);
            var previous = clock.GetUtcNow();
            for (var wake = 0; wake < 100; wake++)
            {
                await Task.Delay(step, clock);
                var now = clock.GetUtcNow();
                if (now - previous < step)
                {
                    return $"waiter {i} woke at {now:O}, {now - previous} after its previous wake, less than its period {step}";
                }

                previous = now;
            }

            return null;
        }))).WaitAsync(TimeSpan.FromSeconds(30));

        // No timer ever fires early; the longest schedule (100 × 4 minutes) ends close to 400 minutes.
        Assert.All(results, Assert.Null);
        Assert.InRange(clock.GetUtcNow(), Start.AddMinutes(400), Start.AddMinutes(420));
    }

    [Fact]
    public async Task Wakeups_happen_in_due_time_order_at_their_due_times()
    {
        using var clock = new VirtualClock(Start) { AutoAdvance = true };
        var woken = new ConcurrentQueue<(int Minutes, DateTimeOffset At)>();

        // All four timers are created here, one after another on this thread, before anything
        // awaits: whichever thread-pool thread would otherwise start late cannot reorder them.
        var sleepers = new[] { 7, 3, 5, 1 }.Select(async minutes =>
        {
            await Task.Delay(TimeSpan.FromMinutes(minutes), clock);
            woken.Enqueue((minutes, clock.GetUtcNow()));
        }).ToList();
        await Task.WhenAll(sleepers).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([1, 3, 5, 7], woken.Select(w => w.Minutes));
        Assert.All(woken, w => Assert.Equal(Start.AddMinutes(w.Minutes), w.At));
    }

    [Fact]
    public async Task A_timeout_made_with_CancellationTokenSource_fires_at_its_virtual_deadline()
    {
        using var clock = new VirtualClock(Start) { AutoAdvance = true };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5), clock);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Delay(TimeSpan.FromMinutes(10), clock, timeout.Token))
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Start.AddMinutes(5), clock.GetUtcNow());
        Assert.Equal(0, clock.PendingTimers);
    }

    [Fact]
    public async Task Advance_fires_due_timers_and_leaves_later_ones_pending()
    {
        using var clock = new VirtualClock(Start);
        var one = Task.Delay(TimeSpan.FromMinutes(1), clock);
        var two = Task.Delay(TimeSpan.FromMinutes(2), clock);
        var five = Task.Delay(TimeSpan.FromMinutes(5), clock);
        Assert.Equal(3, clock.PendingTimers);

        clock.Advance(TimeSpan.FromMinutes(2));
        await Task.WhenAll(one, two).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(five.IsCompleted);
        Assert.Equal(1, clock.PendingTimers);
        Assert.Equal(Start.AddMinutes(2), clock.GetUtcNow());
    }

    [Fact]
    public async Task Manual_advance_still_works_while_auto_advance_is_on()
    {
        using var clock = new VirtualClock(Start) { AutoAdvance = true };
        clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(TimeSpan.FromMinutes(30), clock).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(Start.AddMinutes(90), clock.GetUtcNow());
    }

    [Fact]
    public async Task A_periodic_timer_fires_at_each_period_and_stops_when_disposed()
    {
        using var clock = new VirtualClock(Start) { AutoAdvance = true };
        var ticks = new ConcurrentQueue<DateTimeOffset>();
        using var enough = new SemaphoreSlim(0);
        var timer = clock.CreateTimer(_ =>
        {
            ticks.Enqueue(clock.GetUtcNow());
            if (ticks.Count == 3)
            {
                enough.Release();
            }
        }, null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        Assert.True(await enough.WaitAsync(TimeSpan.FromSeconds(5)));
        await timer.DisposeAsync();

        Assert.Equal([Start.AddMinutes(1), Start.AddMinutes(2), Start.AddMinutes(3)], ticks.Take(3));
        Assert.Equal(0, clock.PendingTimers);
    }
}

/// <summary>
/// The auto-advancing clock decides when "everyone is waiting" by a real-time quiet period, so its
/// exactness tests run alone rather than beside CPU-heavy CLI tests. Speed is measured by the bench.
/// </summary>
[CollectionDefinition(nameof(VirtualClockAutoAdvanceTests), DisableParallelization = true)]
public sealed class VirtualClockAutoAdvanceCollection
{
}
