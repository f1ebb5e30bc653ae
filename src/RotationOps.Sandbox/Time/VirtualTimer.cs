using System;
using System.Threading;
using System.Threading.Tasks;

namespace RotationOps.Sandbox.Time;

/// <summary>
/// A timer on a <see cref="VirtualClock"/>: the clock keeps it in its queue by <see cref="DueTicks"/>
/// (ties broken by <see cref="Sequence"/>, the order timers were scheduled in) and fires it when
/// virtual time reaches that instant.
/// </summary>
internal sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
{
    /// <summary>Virtual UTC ticks at which the timer fires next; meaningful only while <see cref="Queued"/>.</summary>
    public long DueTicks { get; set; }

    public long Sequence { get; set; }

    /// <summary>Zero or infinite for a one-shot timer.</summary>
    public TimeSpan Period { get; set; }

    public bool Queued { get; set; }

    public bool IsPeriodic => Period > TimeSpan.Zero && Period != Timeout.InfiniteTimeSpan;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        clock.Schedule(this, dueTime, period);
        return true;
    }

    public void Fire() => callback(state);

    public void Dispose() => clock.Unschedule(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }
}
