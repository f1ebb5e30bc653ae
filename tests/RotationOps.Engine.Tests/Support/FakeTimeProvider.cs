using System;
using System.Collections.Generic;
using System.Threading;

namespace RotationOps.Engine.Tests.Support;

/// <summary>
/// A virtual clock. In auto-advance mode every timer jumps the clock forward by its due time and
/// fires at once, so a retry backoff of minutes costs no real time; the waits are recorded.
/// Otherwise timers fire only when <see cref="Advance"/> moves the clock past them.
/// </summary>
internal sealed class FakeTimeProvider : TimeProvider
{
    private readonly object _gate = new object();
    private readonly List<FakeTimer> _pending = new List<FakeTimer>();
    private readonly List<TimeSpan> _waits = new List<TimeSpan>();
    private DateTimeOffset _now = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider(bool autoAdvance = true)
    {
        AutoAdvance = autoAdvance;
    }

    public bool AutoAdvance { get; }

    /// <summary>Due times of every timer created, in order: the waits the code under test asked for.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get { lock (_gate) return _waits.ToArray(); }
    }

    public int PendingTimers
    {
        get { lock (_gate) return _pending.Count; }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate) return _now.UtcTicks;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        List<FakeTimer> due;
        lock (_gate)
        {
            _now += by;
            due = _pending.FindAll(t => t.DueAt <= _now);
            _pending.RemoveAll(t => t.DueAt <= _now);
        }
        foreach (FakeTimer timer in due) timer.Fire();
    }

    private void Schedule(FakeTimer timer, TimeSpan dueTime)
    {
        lock (_gate)
        {
            _pending.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan) return;
            _waits.Add(dueTime);
            if (AutoAdvance)
            {
                _now += dueTime;
            }
            else
            {
                timer.DueAt = _now + dueTime;
                _pending.Add(timer);
                return;
            }
        }
        ThreadPool.QueueUserWorkItem(_ => timer.Fire());
    }

    private void Unschedule(FakeTimer timer)
    {
        lock (_gate) _pending.Remove(timer);
    }

    private sealed class FakeTimer : ITimer
    {
        private readonly FakeTimeProvider _owner;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private volatile bool _disposed;

        public FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state)
        {
            _owner = owner;
            _callback = callback;
            _state = state;
        }

        public DateTimeOffset DueAt { get; set; }

        // Periodic timers are not needed by the code under test; a period is ignored.
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed) return false;
            _owner.Schedule(this, dueTime);
            return true;
        }

        public void Fire()
        {
            if (!_disposed) _callback(_state);
        }

        public void Dispose()
        {
            _disposed = true;
            _owner.Unschedule(this);
        }

        public System.Threading.Tasks.ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
