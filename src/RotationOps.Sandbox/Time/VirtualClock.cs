using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace RotationOps.Sandbox.Time;

/// <summary>
/// The Sandbox's notion of "now": service timestamps, rotation schedules, step latencies, metric
/// timestamps, alarm evaluation and deletion windows all read it, so a test can skip 30 days in one
/// call. Rate quotas, injected latency and SigV4 clock-skew checks deliberately stay on real time.
/// </summary>
/// <remarks>
/// <para>Frozen by default (time moves only through <see cref="Advance"/>); with <c>followsRealTime</c>
/// it also moves with the wall clock, which suits a standalone Sandbox an operator rehearses against.</para>
/// <para>With <see cref="AutoAdvance"/> on, the clock runs as a discrete-event simulation: timers
/// (<c>Task.Delay(d, clock)</c>, <c>new CancellationTokenSource(d, clock)</c>, <see cref="TimeProvider.CreateTimer"/>)
/// wait in a queue ordered by due time, and whenever the program is quiescent — no timer callback
/// running, and no timer created, changed, disposed or fired for <see cref="QuietPeriod"/> of real
/// time (20 times that while the thread pool has queued work, which may be about to wait too) — the
/// clock jumps to the earliest due time and fires every timer due then. So 200 tasks that each wait
/// 30 minutes concurrently all wake at +30 minutes, in due-time order, at almost no real cost. It is a
/// heuristic: code busy on real I/O for longer than the quiet period may see the clock move meanwhile.</para>
/// </remarks>
public sealed class VirtualClock : TimeProvider, IDisposable
{
    private const int BusyPoolQuietFactor = 20;
    private readonly object gate = new();
    private readonly SortedSet<VirtualTimer> queue = new(DueOrder.Instance);
    private readonly long realOrigin = Stopwatch.GetTimestamp();
    private readonly Timer? realTimePump;
    private readonly DateTimeOffset origin;
    private TimeSpan skipped;
    private long nextSequence;
    private bool autoAdvance;
    private Thread? autoAdvancePump;
    private long lastActivity = Stopwatch.GetTimestamp();
    private int runningCallbacks;
    private bool disposed;
    private TimeSpan quietPeriod = TimeSpan.FromMilliseconds(1);

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
            realTimePump = new Timer(_ => FireDue(), null, Timeout.Infinite, Timeout.Infinite);
        }
    }

    /// <summary>Whether virtual time also flows with the wall clock.</summary>
    public bool FollowsRealTime { get; }

    /// <summary>
    /// When true, the clock jumps to the next timer's due time whenever the program is quiescent
    /// (see the class remarks), so waits through this clock cost no real time.
    /// </summary>
    public bool AutoAdvance
    {
        get
        {
            lock (gate)
            {
                return autoAdvance;
            }
        }

        set
        {
            lock (gate)
            {
                autoAdvance = value;
                if (value && autoAdvancePump is null)
                {
                    autoAdvancePump = new Thread(AutoAdvanceLoop) { IsBackground = true, Name = "VirtualClock auto-advance" };
                    autoAdvancePump.Start();
                }

                Monitor.PulseAll(gate);
            }
        }
    }

    /// <summary>
    /// How long (real time) nothing may happen to the timers before <see cref="AutoAdvance"/> moves the
    /// clock: long enough for woken code to reach its next wait, short enough that a jump costs little.
    /// </summary>
    public TimeSpan QuietPeriod
    {
        get
        {
            lock (gate)
            {
                return quietPeriod;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (gate)
            {
                quietPeriod = value;
            }
        }
    }

    /// <summary>How many timers are waiting for their due time.</summary>
    public int PendingTimers
    {
        get
        {
            lock (gate)
            {
                return queue.Count;
            }
        }
    }

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

    /// <summary>Moves virtual time forward and fires every timer that became due (a periodic one once).</summary>
    /// <param name="by">How far to move; must not be negative.</param>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        List<VirtualTimer> due;
        lock (gate)
        {
            skipped += by;
            due = TakeDueLocked();
        }

        Dispatch(due);
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
    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            Monitor.PulseAll(gate);
        }

        realTimePump?.Dispose();
    }

    internal void Schedule(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        List<VirtualTimer> due;
        lock (gate)
        {
            Dequeue(timer);
            MarkActivityLocked();
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
            timer.DueTicks = NowLocked().UtcTicks + dueTime.Ticks;
            timer.Period = period;
            Enqueue(timer);
            due = TakeDueLocked();
        }

        Dispatch(due);
    }

    internal void Unschedule(VirtualTimer timer)
    {
        lock (gate)
        {
            Dequeue(timer);
            MarkActivityLocked();
        }
    }

    private DateTimeOffset NowLocked()
    {
        var flowed = FollowsRealTime ? Stopwatch.GetElapsedTime(realOrigin) : TimeSpan.Zero;
        return origin + skipped + flowed;
    }

    private void Enqueue(VirtualTimer timer)
    {
        timer.Sequence = nextSequence++;
        timer.Queued = true;
        queue.Add(timer);
    }

    private void Dequeue(VirtualTimer timer)
    {
        if (timer.Queued)
        {
            queue.Remove(timer);
            timer.Queued = false;
        }
    }

    private void MarkActivityLocked()
    {
        lastActivity = Stopwatch.GetTimestamp();
        Monitor.PulseAll(gate);
    }

    private void FireDue()
    {
        List<VirtualTimer> due;
        lock (gate)
        {
            due = TakeDueLocked();
        }

        Dispatch(due);
    }

    /// <summary>Takes every timer due by now off the queue (re-queuing periodic ones) and counts them as running.</summary>
    private List<VirtualTimer> TakeDueLocked()
    {
        var due = new List<VirtualTimer>();
        var now = NowLocked().UtcTicks;
        while (queue.Count > 0 && queue.Min!.DueTicks <= now)
        {
            var timer = queue.Min;
            Dequeue(timer);
            due.Add(timer);
            if (timer.IsPeriodic)
            {
                // Missed periods are coalesced into one callback, as a busy real timer would.
                var missed = (now - timer.DueTicks) / timer.Period.Ticks + 1;
                timer.DueTicks += timer.Period.Ticks * missed;
                Enqueue(timer);
            }
        }

        if (due.Count > 0)
        {
            runningCallbacks += due.Count;
            MarkActivityLocked();
        }

        WakeRealTimePumpLocked(now);
        return due;
    }

    /// <summary>Callbacks run on the thread pool, never under the lock nor inside the caller that made them due.</summary>
    private void Dispatch(List<VirtualTimer> due)
    {
        foreach (var timer in due)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static state => state.Clock.RunCallback(state.Timer), (Clock: this, Timer: timer), preferLocal: false);
        }
    }

    private void RunCallback(VirtualTimer timer)
    {
        try
        {
            timer.Fire();
        }
        finally
        {
            lock (gate)
            {
                runningCallbacks--;
                MarkActivityLocked();
            }
        }
    }

    private void AutoAdvanceLoop()
    {
        while (true)
        {
            List<VirtualTimer> due;
            lock (gate)
            {
                while (true)
                {
                    if (disposed)
                    {
                        return;
                    }

                    if (!autoAdvance || queue.Count == 0 || runningCallbacks > 0)
                    {
                        Monitor.Wait(gate);
                        continue;
                    }

                    // Work queued on the thread pool (say, tasks just started with Task.Run) may be about to
                    // create timers; only a much longer quiet spell overrides that, since other code in the
                    // process can keep the pool busy for its own reasons.
                    var quiet = Stopwatch.GetElapsedTime(lastActivity);
                    var needed = ThreadPool.PendingWorkItemCount == 0 ? quietPeriod : quietPeriod * BusyPoolQuietFactor;
                    if (quiet < needed)
                    {
                        Monitor.Wait(gate, (int)Math.Ceiling((needed - quiet).TotalMilliseconds));
                        continue;
                    }

                    var now = NowLocked().UtcTicks;
                    var next = queue.Min!.DueTicks;
                    if (next > now)
                    {
                        skipped += TimeSpan.FromTicks(next - now);
                    }

                    due = TakeDueLocked();
                    break;
                }
            }

            Dispatch(due);
        }
    }

    private void WakeRealTimePumpLocked(long now)
    {
        if (realTimePump is null)
        {
            return;
        }

        if (queue.Count == 0)
        {
            realTimePump.Change(Timeout.Infinite, Timeout.Infinite);
            return;
        }

        var wait = TimeSpan.FromTicks(queue.Min!.DueTicks - now);
        realTimePump.Change(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Earliest due first; timers due at the same instant fire in the order they were scheduled.</summary>
    private sealed class DueOrder : IComparer<VirtualTimer>
    {
        public static readonly DueOrder Instance = new();

        public int Compare(VirtualTimer? x, VirtualTimer? y)
        {
            var byDue = x!.DueTicks.CompareTo(y!.DueTicks);
            return byDue != 0 ? byDue : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
