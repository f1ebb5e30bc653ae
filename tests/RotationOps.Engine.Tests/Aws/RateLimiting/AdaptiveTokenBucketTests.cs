using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws.RateLimiting;
using RotationOps.Engine.Tests.Support;

namespace RotationOps.Engine.Tests.Aws.RateLimiting;

public sealed class AdaptiveTokenBucketTests
{
    private static readonly TimeSpan FiftiethOfASecond = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task A_full_bucket_lets_half_a_seconds_worth_through_at_once_then_paces_at_the_rate()
    {
        var time = new FakeTimeProvider();
        var bucket = new AdaptiveTokenBucket(AwsQuotaGroup.SecretsManagerWrite, 50, time);
        DateTimeOffset start = time.GetUtcNow();

        for (int i = 0; i < 25; i++) Assert.Equal(TimeSpan.Zero, (await bucket.AcquireAsync(CancellationToken.None)).Waited);
        Assert.Empty(time.Waits);
        for (int i = 0; i < 50; i++) Assert.Equal(FiftiethOfASecond, (await bucket.AcquireAsync(CancellationToken.None)).Waited);

        Assert.Equal(TimeSpan.FromSeconds(1), time.GetUtcNow() - start);
    }

    [Fact]
    public async Task Callers_finding_it_empty_queue_up_one_token_apart_instead_of_all_waking_together()
    {
        var time = new FakeTimeProvider(autoAdvance: false);
        var bucket = new AdaptiveTokenBucket(AwsQuotaGroup.SecretsManagerWrite, 50, time);
        for (int i = 0; i < 25; i++) await bucket.AcquireAsync(CancellationToken.None);

        var waiting = Enumerable.Range(0, 3).Select(_ => bucket.AcquireAsync(CancellationToken.None).AsTask()).ToArray();

        Assert.Equal(new[] { FiftiethOfASecond, FiftiethOfASecond * 2, FiftiethOfASecond * 3 }, time.Waits);
        time.Advance(FiftiethOfASecond);
        await waiting[0];
        Assert.False(waiting[1].IsCompleted);
        time.Advance(FiftiethOfASecond * 2);
        await Task.WhenAll(waiting);
    }

    [Fact]
    public async Task A_bucket_left_idle_holds_at_most_half_a_seconds_worth()
    {
        var time = new FakeTimeProvider(autoAdvance: false);
        var bucket = new AdaptiveTokenBucket(AwsQuotaGroup.SecretsManagerRotate, 50, time);
        time.Advance(TimeSpan.FromMinutes(5));

        for (int i = 0; i < 25; i++) await bucket.AcquireAsync(CancellationToken.None);
        var twentySixth = bucket.AcquireAsync(CancellationToken.None).AsTask();

        Assert.False(twentySixth.IsCompleted);
        Assert.Equal(new[] { FiftiethOfASecond }, time.Waits);
        time.Advance(FiftiethOfASecond);
        await twentySixth;
    }

    [Fact]
    public async Task Cancelling_a_wait_throws_and_gives_the_reserved_token_back()
    {
        var time = new FakeTimeProvider(autoAdvance: false);
        var bucket = new AdaptiveTokenBucket(AwsQuotaGroup.SecretsManagerWrite, 50, time);
        for (int i = 0; i < 25; i++) await bucket.AcquireAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = bucket.AcquireAsync(cancel.Token).AsTask();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        time.Advance(FiftiethOfASecond);
        Assert.Equal(TimeSpan.Zero, (await bucket.AcquireAsync(CancellationToken.None)).Waited);
    }

    [Fact]
    public async Task Throttling_slows_to_70_percent_then_the_rate_climbs_back_to_the_quota_within_seconds()
    {
        var time = new FakeTimeProvider(autoAdvance: false);
        var bucket = new AdaptiveTokenBucket(AwsQuotaGroup.SecretsManagerWrite, 50, time);
        RateGrant grant = await bucket.AcquireAsync(CancellationToken.None);

        Assert.True(bucket.OnThrottled(grant));

        Assert.Equal(35, bucket.CurrentRate, 6);
        time.Advance(TimeSpan.FromSeconds(1));
        double afterOneSecond = bucket.CurrentRate;
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.InRange(afterOneSecond, 36, bucket.CurrentRate);
        time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(50, bucket.CurrentRate);
    }

    [Fact]
    public async Task After_throttling_calls_are_paced_at_the_lowered_rate()
    {
        var time = new FakeTimeProvider();
        var bucket = new AdaptiveTokenBucket(AwsQuotaGroup.SecretsManagerWrite, 50, time);
        RateGrant grant = default;
        for (int i = 0; i < 25; i++) grant = await bucket.AcquireAsync(CancellationToken.None);

        bucket.OnThrottled(grant);

        // 1/35 s, rounded up to whole milliseconds as timers count them.
        Assert.Equal(TimeSpan.FromMilliseconds(29), (await bucket.AcquireAsync(CancellationToken.None)).Waited);
    }

    [Fact]
    public async Task Calls_in_flight_together_all_throttled_slow_the_bucket_down_once()
    {
        var time = new FakeTimeProvider(autoAdvance: false);
        var bucket = new AdaptiveTokenBucket(AwsQuotaGroup.SecretsManagerWrite, 50, time);
        RateGrant[] inFlight = new RateGrant[8];
        for (int i = 0; i < inFlight.Length; i++) inFlight[i] = await bucket.AcquireAsync(CancellationToken.None);

        bool[] slowed = inFlight.Select(bucket.OnThrottled).ToArray();

        Assert.Equal(new[] { true, false, false, false, false, false, false, false }, slowed);
        Assert.Equal(35, bucket.CurrentRate, 6);
        RateGrant sentAfter = await bucket.AcquireAsync(CancellationToken.None);
        Assert.True(bucket.OnThrottled(sentAfter));
        Assert.Equal(24.5, bucket.CurrentRate, 6);
    }

    [Fact]
    public void However_often_AWS_throttles_the_bucket_keeps_a_minimum_pace()
    {
        var bucket = new AdaptiveTokenBucket(AwsQuotaGroup.LambdaGetPolicy, 15, new FakeTimeProvider(autoAdvance: false));

        // Thirty throttled calls, each sent after the slow-down the one before caused.
        for (int generation = 0; generation < 30; generation++) Assert.True(bucket.OnThrottled(new RateGrant(TimeSpan.Zero, generation)));

        Assert.Equal(AdaptiveTokenBucket.MinimumRate, bucket.CurrentRate);
    }
}
