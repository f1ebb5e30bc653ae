using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Security;
using RotationOps.Engine.Tests.Support;

namespace RotationOps.Engine.Tests.Aws.RateLimiting;

/// <summary>The limiter as the service clients use it: one bucket per quota, identity, region and endpoint.</summary>
public sealed class ClientRateLimitingTests
{
    private const string VersionRef = "{\"ARN\":\"arn:aws:secretsmanager:eu-west-1:1:secret:db\",\"Name\":\"db\",\"VersionId\":\"v2\"}";
    private static readonly TimeSpan FiftiethOfASecond = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task Clients_with_the_same_identity_region_and_endpoint_share_one_write_quota()
    {
        var time = new FakeTimeProvider();
        SecretsManagerClient first = TestClients.SecretsManager(new StubHttpHandler(Answer.Ok(VersionRef)), time: time);
        SecretsManagerClient second = TestClients.SecretsManager(new StubHttpHandler(Answer.Ok(VersionRef)), time: time);

        for (int i = 0; i < 25; i++) await first.UpdateSecretVersionStageAsync(Stage(), CancellationToken.None);
        Assert.Empty(time.Waits);
        await second.PutSecretValueAsync(Put(), CancellationToken.None);

        Assert.Equal(new[] { FiftiethOfASecond }, time.Waits);
    }

    [Fact]
    public async Task Another_region_or_another_identity_has_a_quota_of_its_own()
    {
        var time = new FakeTimeProvider();
        SecretsManagerClient drained = TestClients.SecretsManager(new StubHttpHandler(Answer.Ok(VersionRef)), time: time);
        SecretsManagerClient otherRegion = TestClients.SecretsManager(new StubHttpHandler(Answer.Ok(VersionRef)), time: time,
            change: o => o.Region = "eu-west-2");
        SecretsManagerClient otherKey = TestClients.SecretsManager(new StubHttpHandler(Answer.Ok(VersionRef)), time: time,
            change: o => o.AccessKeyId = "AKIAOTHERACCOUNT0001");

        for (int i = 0; i < 25; i++) await drained.UpdateSecretVersionStageAsync(Stage(), CancellationToken.None);
        await otherRegion.UpdateSecretVersionStageAsync(Stage(), CancellationToken.None);
        await otherKey.UpdateSecretVersionStageAsync(Stage(), CancellationToken.None);

        Assert.Empty(time.Waits);
    }

    [Fact]
    public async Task Writes_do_not_wait_for_reads_quota_nor_reads_for_writes()
    {
        var time = new FakeTimeProvider();
        SecretsManagerClient client = TestClients.SecretsManager(new StubHttpHandler(Answer.Ok(VersionRef)), time: time);

        for (int i = 0; i < 25; i++) await client.UpdateSecretVersionStageAsync(Stage(), CancellationToken.None);
        await client.DescribeSecretAsync("db", CancellationToken.None);

        Assert.Empty(time.Waits);
    }

    [Fact]
    public async Task A_retry_waits_for_a_token_like_the_first_attempt()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHttpHandler(Enumerable.Repeat(Answer.Ok(VersionRef), 24)
            .Append(Answer.Error(HttpStatusCode.InternalServerError, "InternalServiceError", "try again", ("Retry-After", "0")))
            .Append(Answer.Ok(VersionRef)).ToArray());
        SecretsManagerClient client = TestClients.SecretsManager(handler, time: time);

        for (int i = 0; i < 25; i++) await client.UpdateSecretVersionStageAsync(Stage(), CancellationToken.None);

        Assert.Equal(26, handler.Requests.Count);
        Assert.Equal(new[] { FiftiethOfASecond }, time.Waits.Where(w => w > TimeSpan.Zero));
    }

    [Fact]
    public async Task Throttling_slows_the_shared_quota_for_every_client_and_the_call_is_still_retried()
    {
        var time = new FakeTimeProvider();
        var verbose = new ConcurrentQueue<string>();
        SecretsManagerClient throttled = TestClients.SecretsManager(new StubHttpHandler(
            Answer.Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded", ("Retry-After", "0")), Answer.Ok(VersionRef)),
            verbose, time);
        SecretsManagerClient other = TestClients.SecretsManager(new StubHttpHandler(Answer.Ok(VersionRef)), time: time);

        await throttled.UpdateSecretVersionStageAsync(Stage(), CancellationToken.None);
        // The slowed bucket holds half a second at 35/s, 17.5 calls; the retry took one. 16 go at once,
        // the 17th waits for the half token left, and the 18th waits a whole token at the lowered rate.
        for (int i = 0; i < 16; i++) await other.UpdateSecretVersionStageAsync(Stage(), CancellationToken.None);
        Assert.DoesNotContain(time.Waits, w => w > TimeSpan.Zero);
        for (int i = 0; i < 2; i++) await other.UpdateSecretVersionStageAsync(Stage(), CancellationToken.None);

        Assert.Contains("secretsmanager UpdateSecretVersionStage 'db': slowing the client-side rate limit of secretsmanager:write to 35 calls/s after ThrottlingException", verbose);
        TimeSpan[] waits = time.Waits.Where(w => w > TimeSpan.Zero).ToArray();
        Assert.Equal(2, waits.Length);
        // 1/35 s (28.6 ms) less the bit of rate CUBIC has recovered meanwhile, in whole milliseconds; at 50/s it would be 20.
        Assert.InRange(waits[1], TimeSpan.FromMilliseconds(28), TimeSpan.FromMilliseconds(29));
    }

    [Fact]
    public async Task A_noticeable_wait_is_reported_on_verbose()
    {
        var time = new FakeTimeProvider(autoAdvance: false);
        var verbose = new ConcurrentQueue<string>();
        SecretsManagerClient client = TestClients.SecretsManager(new StubHttpHandler(Answer.Ok(VersionRef)), verbose, time);

        // 31 at once: 25 go, the other 6 queue for 20, 40, ... 120 ms; the two of 100 ms and more are worth a line.
        Task[] calls = Enumerable.Range(0, 31).Select(_ => client.UpdateSecretVersionStageAsync(Stage(), CancellationToken.None)).ToArray();
        while (time.PendingTimers < 6) await Task.Delay(5);
        time.Advance(FiftiethOfASecond * 6);
        await Task.WhenAll(calls);

        string[] waited = verbose.Where(line => line.Contains("for the client-side rate limit")).ToArray();
        Assert.Equal(2, waited.Length);
        Assert.All(waited, line => Assert.Matches(
            @"^secretsmanager UpdateSecretVersionStage 'db': waited 0\.12? s for the client-side rate limit of secretsmanager:write \(50 of 50 calls/s\) \(attempt 1\)$", line));
    }

    private static UpdateSecretVersionStageRequest Stage() =>
        new UpdateSecretVersionStageRequest { SecretId = "db", VersionStage = SecretStages.Current, MoveToVersionId = "v2" };

    private static PutSecretValueRequest Put() =>
        new PutSecretValueRequest { SecretId = "db", Value = SensitiveValue.FromString("not-a-real-secret") };
}
