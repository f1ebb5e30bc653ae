using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace RotationOps.Engine.Aws.RateLimiting;

/// <summary>
/// The process-wide buckets: one per <see cref="RateLimitKey"/>, so all commands of a session and all
/// items of a pipeline pace themselves together against AWS's account-wide quotas. Buckets are kept
/// per clock too: a bucket measures time on one clock, and clients on another (a test's virtual
/// clock) must not share its pace; a clock no longer used takes its buckets with it.
/// </summary>
internal static class RateLimiterRegistry
{
    private static readonly ConditionalWeakTable<TimeProvider, ConcurrentDictionary<RateLimitKey, AdaptiveTokenBucket>> ByClock =
        new ConditionalWeakTable<TimeProvider, ConcurrentDictionary<RateLimitKey, AdaptiveTokenBucket>>();

    public static AdaptiveTokenBucket Bucket(RateLimitKey key, TimeProvider time)
    {
        ConcurrentDictionary<RateLimitKey, AdaptiveTokenBucket> buckets =
            ByClock.GetValue(time, _ => new ConcurrentDictionary<RateLimitKey, AdaptiveTokenBucket>());
        return buckets.GetOrAdd(key, k => new AdaptiveTokenBucket(k.Group, k.PerSecond, time));
    }
}
