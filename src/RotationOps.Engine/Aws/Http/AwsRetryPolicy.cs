using System;
using System.Net;

namespace RotationOps.Engine.Aws.Http;

/// <summary>
/// Which failures are worth another attempt, and how long to wait before it. Retries only what a
/// retry can fix: throttling, 5xx, timeouts, dropped connections and Lambda's "update in progress"
/// 409 (refused without applying; a RevisionId-guarded resend then fails 412 if that other update
/// changed the function) — never another 4xx.
/// Waits are "full jitter" exponential backoff (uniform in [0, min(cap, base·2^n)]), as the AWS
/// SDKs' standard retry mode does, unless the service said how long with Retry-After.
/// </summary>
internal sealed class AwsRetryPolicy
{
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(20);

    private readonly Random _random;
    private readonly object _randomGate = new object();

    public AwsRetryPolicy(int maxAttempts, TimeSpan maxRetryTime, Random? random = null)
    {
        MaxAttempts = maxAttempts;
        MaxRetryTime = maxRetryTime;
        _random = random ?? new Random();
    }

    /// <summary>Attempts in all, the first one included.</summary>
    public int MaxAttempts { get; }

    /// <summary>No retry starts later than this after the first attempt began.</summary>
    public TimeSpan MaxRetryTime { get; }

    public static bool IsRetryable(AwsServiceException error)
    {
        if (error.IsThrottling || error.IsBusy) return true;
        if (error.StatusCode is null)
            return error.ErrorCode == AwsLocalErrorCodes.RequestTimeout || error.ErrorCode == AwsLocalErrorCodes.ConnectionError;
        int status = (int)error.StatusCode.Value;
        return status >= 500 || error.StatusCode == (HttpStatusCode)429;
    }

    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first retry).</summary>
    public TimeSpan DelayBefore(int retry, AwsServiceException error) => error.RetryAfter ?? Backoff(retry);

    public TimeSpan Backoff(int retry)
    {
        double ceiling = Math.Min(MaxBackoff.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(retry - 1, 0)));
        double sample;
        lock (_randomGate) sample = _random.NextDouble();
        return TimeSpan.FromMilliseconds(sample * ceiling);
    }
}
