using System;

namespace RotationOps.Sandbox.Quotas;

/// <summary>
/// A per-second API rate quota (a token bucket holding one second's worth of calls), measured on
/// the time provider it is given. Secrets Manager's quotas use real time, so skipping a month does
/// not refill them; Lambda's use the virtual clock, so a client backing off on that clock refills them.
/// </summary>
internal sealed class RateQuota
{
    private readonly object gate = new();
    private readonly double perSecond;
    private readonly TimeProvider time;
    private double tokens;
    private long refilledAt;

    public RateQuota(double perSecond, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        this.perSecond = perSecond;
        this.time = time ?? TimeProvider.System;
        refilledAt = this.time.GetTimestamp();
        tokens = Capacity;
    }

    private double Capacity => Math.Max(1, perSecond);

    /// <summary>Takes one call from the quota; false when the caller must be throttled.</summary>
    public bool TryTake()
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            tokens = Math.Min(Capacity, tokens + (time.GetElapsedTime(refilledAt, now).TotalSeconds * perSecond));
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
