using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace RotationOps.Sandbox.Time;

/// <summary>
/// The Sandbox's notion of "now": service timestamps, rotation schedules, step latencies and
/// deletion windows all read it, so a test can skip 30 days in one call. Rate quotas, injected
/// latency and SigV4 clock-skew checks deliberately stay on real time.
/// </summary>
/// <remarks>
/// Frozen by default (time moves only through <see cref="Advance"/>); with
/// <c>followsRealTime</c> it also moves with the wall clock, which suits a standalone Sandbox an
/// operator rehearses against. With <see cref="AutoAdvance"/> on, creating (or changing) a timer
/// with a finite due time advances the clock by that amount and fires it at once, so code that
/// waits through this provider (<c>Task.Delay(d, clock)</c>) costs no real time. That also applies
/// to timeout timers such as <c>new CancellationTokenSource(d, clock)</c>: they fire immediately.
/// </remarks>
public sealed class VirtualClock : TimeProvider, IDisposable
{
    private readonly object gate = new();
    private readonly List<VirtualTimer> timers = new();
    private readonly long realOrigin = Stopwatch.GetTimestamp();
    private readonly Timer? realTimePump;
    private TimeSpan skipped;
    private DateTimeOffset origin;

    /// <summary>Creates a clock that starts at <paramref name="start"/>.</summary>
    /// <param name="start">The first virtual instant.</param>
    /// <param name="followsRealTime">Whether virtual time also flows with real elapsed time.</param>
    public VirtualClock(DateTimeOffset start, bool followsRealTime = false)
    {
        origin = start.ToUniversalTime();
        FollowsRealTime = followsRealTime;
        if (followsRealTime)
        {
            // Timers due at a virtual instant must still fire when only real time moves.
            realTimePump = new Timer(_ => FireDueTimers(), null, Timeout.Infinite, Timeout.Infinite);
        }
    }

    /// <summary>Whether virtual time also flows with the wall clock.</summary>
    public bool FollowsRealTime { get; }

    /// <summary>When true, every timer created with a finite due time advances the clock and fires at once.</summary>
    public bool AutoAdvance { get; set; }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return NowLocked();
        }
    }

    /// <summary>Moves virtual time forward and fires every timer that became due.</summary>
    /// <param name="by">How far to move; must not be negative.</param>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (gate)
        {
            skipped += by;
        }

        FireDueTimers();
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <inheritdoc />
    public void Dispose() => realTimePump?.Dispose();

    private DateTimeOffset NowLocked()
    {
        var flowed = FollowsRealTime ? Stopwatch.GetElapsedTime(realOrigin) : TimeSpan.Zero;
        return origin + skipped + flowed;
    }

    private void Schedule(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        var advanceBy = TimeSpan.Zero;
        lock (gate)
        {
            timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.Due = NowLocked() + dueTime;
            timer.Period = period;
            timers.Add(timer);
            if (AutoAdvance)
            {
                advanceBy = dueTime;
            }
        }

        if (advanceBy > TimeSpan.Zero)
        {
            Advance(advanceBy);
        }
        else
        {
            FireDueTimers();
        }
    }

    private void Unschedule(VirtualTimer timer)
    {
        lock (gate)
        {
            timers.Remove(timer);
        }
    }

    private void FireDueTimers()
    {
        var due = new List<VirtualTimer>();
        lock (gate)
        {
            var now = NowLocked();
            timers.Sort((a, b) => a.Due.CompareTo(b.Due));
            foreach (var timer in timers.ToArray())
            {
                if (timer.Due > now)
                {
                    break;
                }

                due.Add(timer);
                if (timer.Period > TimeSpan.Zero && timer.Period != Timeout.InfiniteTimeSpan)
                {
                    // Missed periods are coalesced into one callback, as a busy real timer would.
                    var missed = (now - timer.Due).Ticks / timer.Period.Ticks + 1;
                    timer.Due += TimeSpan.FromTicks(timer.Period.Ticks * missed);
                }
                else
                {
                    timers.Remove(timer);
                }
            }

            WakeRealTimePumpLocked(now);
        }

        // Callbacks run on the thread pool, never under the lock nor inside CreateTimer's caller.
        foreach (var timer in due)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static t => t.Fire(), timer, preferLocal: false);
        }
    }

    private void WakeRealTimePumpLocked(DateTimeOffset now)
    {
        if (realTimePump is null)
        {
            return;
        }

        if (timers.Count == 0)
        {
            realTimePump.Change(Timeout.Infinite, Timeout.Infinite);
            return;
        }

        var next = timers[0].Due;
        foreach (var timer in timers)
        {
            next = timer.Due < next ? timer.Due : next;
        }

        var wait = next - now;
        realTimePump.Change(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
    }

    private sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset Due { get; set; }

        public TimeSpan Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Schedule(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => clock.Unschedule(this);

        public System.Threading.Tasks.ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
