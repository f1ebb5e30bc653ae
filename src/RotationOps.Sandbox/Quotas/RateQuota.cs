using System;
using System.Diagnostics;

namespace RotationOps.Sandbox.Quotas;

/// <summary>
/// A per-second API rate quota over real wall-clock time (a token bucket holding one second's
/// worth of calls). It never reads the virtual clock: skipping a month must not refill it.
/// </summary>
internal sealed class RateQuota
{
    private readonly object gate = new();
    private readonly double perSecond;
    private double tokens;
    private long refilledAt = Stopwatch.GetTimestamp();

    public RateQuota(double perSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        this.perSecond = perSecond;
        tokens = Capacity;
    }

    private double Capacity => Math.Max(1, perSecond);

    /// <summary>Takes one call from the quota; false when the caller must be throttled.</summary>
    public bool TryTake()
    {
        lock (gate)
        {
            var now = Stopwatch.GetTimestamp();
            tokens = Math.Min(Capacity, tokens + (Stopwatch.GetElapsedTime(refilledAt, now).TotalSeconds * perSecond));
            refilledAt = now;
            if (tokens < 1)
            {
                return false;
            }

            tokens -= 1;
            return true;
        }
    }
}
