using System;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Sandbox.Time;

namespace RotationOps.Sandbox.Tests.Units;

/// <summary>The virtual clock as a TimeProvider: manual advance, auto-advance, periodic timers.</summary>
public sealed class VirtualClockTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Advance_fires_the_timers_that_became_due_and_no_others()
    {
        using var clock = new VirtualClock(Start);
        var soon = Task.Delay(TimeSpan.FromMinutes(5), clock);
        var later = Task.Delay(TimeSpan.FromMinutes(30), clock);

        clock.Advance(TimeSpan.FromMinutes(10));
        await soon.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(later.IsCompleted);
        Assert.Equal(Start.AddMinutes(10), clock.GetUtcNow());

        clock.Advance(TimeSpan.FromMinutes(20));
        await later.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Auto_advance_makes_a_thirty_minute_wait_cost_nothing()
    {
        using var clock = new VirtualClock(Start) { AutoAdvance = true };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromMinutes(30), clock).WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(TimeSpan.FromMinutes(15), clock).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(Start.AddMinutes(45), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromMinutes(45), clock.GetElapsedTime(clock.GetTimestamp() - TimeSpan.FromMinutes(45).Ticks));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Periodic_timers_fire_once_per_advance_and_stop_when_disposed()
    {
        using var clock = new VirtualClock(Start);
        var fired = 0;
        using var signal = new SemaphoreSlim(0);
        var timer = clock.CreateTimer(_ =>
        {
            Interlocked.Increment(ref fired);
            signal.Release();
        }, null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(signal.Wait(TimeSpan.FromSeconds(5)));
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(signal.Wait(TimeSpan.FromSeconds(5)));
        timer.Dispose();
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.False(signal.Wait(TimeSpan.FromMilliseconds(100)));
        Assert.Equal(2, fired);
    }

    [Fact]
    public void A_clock_that_follows_real_time_moves_on_its_own_and_can_still_skip_ahead()
    {
        using var clock = new VirtualClock(Start, followsRealTime: true);
        var first = clock.GetUtcNow();
        Thread.Sleep(20);
        Assert.True(clock.GetUtcNow() > first);
        clock.Advance(TimeSpan.FromDays(30));
        Assert.True(clock.GetUtcNow() >= Start.AddDays(30));
    }
}
