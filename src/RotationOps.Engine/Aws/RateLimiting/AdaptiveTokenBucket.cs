using System;
using System.Threading;
using System.Threading.Tasks;

namespace RotationOps.Engine.Aws.RateLimiting;

/// <summary>
/// Paces calls to one AWS rate quota: a token bucket refilled at <see cref="CurrentRate"/> and holding
/// half a second's worth of calls. AWS does not document how much its own buckets hold; the Sandbox's
/// hold a second's worth. Bursting less than AWS allows leaves a cushion in AWS's bucket: calls sent
/// one token apart do not arrive one token apart (a burst still in flight lands together with the
/// next calls), and with the bucket emptied by the client's first burst AWS throttles them — 1.4 % of
/// a 200-function fleet canary's control-plane calls, with a client bucket as deep as the Sandbox's.
/// A call that finds the client's bucket empty reserves the next token and waits for it, so waiters
/// go in order, each after the one before, instead of all waking at once. On throttling the rate drops to 70 % and recovers along a cubic curve (the CUBIC scheme of
/// the AWS SDKs' "adaptive" retry mode): fast at first, slowing near the rate where AWS last
/// refused, back to the configured rate within seconds, since AWS's quota is shared with other callers
/// whose load comes and goes. Time is measured on the given clock, so a virtual clock paces virtually.
/// </summary>
internal sealed class AdaptiveTokenBucket
{
    /// <summary>Share of the rate kept after a throttling answer (botocore's beta).</summary>
    public const double SlowDownFactor = 0.7;

    /// <summary>The slowest the bucket goes, however often AWS throttles: one call every two seconds.</summary>
    public const double MinimumRate = 0.5;

    /// <summary>CUBIC's scale constant (botocore's); with it a 50/s quota is back to full rate 3.3 s after a throttle.</summary>
    private const double Scale = 0.4;

    private readonly object _gate = new object();
    private readonly TimeProvider _time;
    private double _tokens;
    private long _refilledAt;
    private int _generation;
    private long _slowedAt;
    private double _rateWhenThrottled;

    public AdaptiveTokenBucket(AwsQuotaGroup group, double maxRate, TimeProvider time)
    {
        if (!(maxRate > 0)) throw new ArgumentOutOfRangeException(nameof(maxRate), maxRate, "A rate must be positive.");
        Group = group ?? throw new ArgumentNullException(nameof(group));
        MaxRate = maxRate;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _refilledAt = time.GetTimestamp();
        _tokens = Capacity(maxRate);
    }

    public AwsQuotaGroup Group { get; }

    /// <summary>The configured rate: AWS's documented quota or the operator's override.</summary>
    public double MaxRate { get; }

    /// <summary>Calls a second the bucket allows now.</summary>
    public double CurrentRate
    {
        get
        {
            lock (_gate) return RateAt(_time.GetTimestamp());
        }
    }

    /// <summary>
    /// Takes a token, waiting for one when the bucket is empty. Cancelling gives the reserved token
    /// back and throws OperationCanceledException.
    /// </summary>
    public async ValueTask<RateGrant> AcquireAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TimeSpan wait;
        int generation;
        lock (_gate)
        {
            long now = _time.GetTimestamp();
            double rate = Refill(now);
            _tokens -= 1;
            wait = _tokens >= 0 ? TimeSpan.Zero : WholeMilliseconds(-_tokens / rate);
            generation = _generation;
        }
        if (wait > TimeSpan.Zero)
        {
            try
            {
                await _time.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                lock (_gate) _tokens += 1;
                throw;
            }
        }
        return new RateGrant(wait, generation);
    }

    /// <summary>
    /// AWS throttled a call sent with <paramref name="grant"/>: slow down, unless the bucket already did
    /// after that call was sent (the calls in flight then all come back throttled; one slow-down is enough).
    /// </summary>
    /// <returns>Whether the rate was lowered.</returns>
    public bool OnThrottled(RateGrant grant)
    {
        lock (_gate)
        {
            if (grant.Generation != _generation) return false;
            long now = _time.GetTimestamp();
            _rateWhenThrottled = Refill(now);
            _slowedAt = now;
            _generation++;
            _tokens = Math.Min(_tokens, Capacity(RateAt(now)));
            return true;
        }
    }

    private double Refill(long now)
    {
        double rate = RateAt(now);
        double elapsed = _time.GetElapsedTime(_refilledAt, now).TotalSeconds;
        _tokens = Math.Min(Capacity(rate), _tokens + elapsed * rate);
        _refilledAt = now;
        return rate;
    }

    /// <summary>
    /// W(t) = Scale·(t − K)³ + W, where W is the rate when AWS last throttled and K the time the curve
    /// takes to climb from 70 % of W back to W; above W it keeps probing, up to <see cref="MaxRate"/>.
    /// </summary>
    private double RateAt(long now)
    {
        if (_generation == 0) return MaxRate;
        double t = _time.GetElapsedTime(_slowedAt, now).TotalSeconds;
        double k = Math.Pow(_rateWhenThrottled * (1 - SlowDownFactor) / Scale, 1.0 / 3);
        double rate = Scale * Math.Pow(t - k, 3) + _rateWhenThrottled;
        return Math.Max(MinimumRate, Math.Min(MaxRate, rate));
    }

    /// <summary>Half a second's worth (see the class remarks), and never less than one call.</summary>
    private static double Capacity(double rate) => Math.Max(1, rate / 2);

    /// <summary>
    /// Rounded up to whole milliseconds: timers have no finer resolution (TimeProvider.Delay on .NET
    /// Standard truncates to them), and a call woken early would go before its token exists.
    /// </summary>
    private static TimeSpan WholeMilliseconds(double seconds)
    {
        long ticks = (long)Math.Round(seconds * TimeSpan.TicksPerSecond);
        return TimeSpan.FromTicks((ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond);
    }
}
