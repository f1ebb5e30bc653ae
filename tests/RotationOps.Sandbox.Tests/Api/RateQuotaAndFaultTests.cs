using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Sandbox.Faults;
using RotationOps.Sandbox.SecretsManager;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Api;

/// <summary>Per-API rate quotas over real time, and each kind of injected fault.</summary>
public sealed class RateQuotaAndFaultTests
{
    [Fact]
    public async Task Writes_beyond_their_shared_quota_are_throttled_while_reads_have_their_own()
    {
        // One write every five seconds: everything below happens well within one refill.
        await using var sandbox = await TestSandbox.StartAsync(new SecretsManagerQuotaOptions { WritesPerSecond = 0.2 });
        var client = new SecretsManagerHttp(sandbox);
        await client.CreateSecretAsync("rate/limited", "v");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            using var response = await client.SendAsync("UpdateSecret", $$"""{"SecretId":"rate/limited","SecretString":"v{{i}}","ClientRequestToken":"{{SecretsManagerHttp.NewToken()}}"}""");
            return response.IsSuccessStatusCode ? "ok" : (await AwsError.ReadAsync(response)).Message;
        }));
        Assert.Equal(["Rate exceeded", "Rate exceeded", "Rate exceeded", "ok"], outcomes.Order(StringComparer.Ordinal));

        var throttled = await client.FailAsync("UpdateSecretVersionStage", new { SecretId = "rate/limited", VersionStage = "X", RemoveFromVersionId = SecretsManagerHttp.NewToken() });
        Assert.Equal(("ThrottlingException", "Rate exceeded"), (throttled.Code, throttled.Message));
        await client.CallAsync("DescribeSecret", new { SecretId = "rate/limited" });

        // Quotas run on the Sandbox clock (as Lambda's and CloudWatch's do), so a client's backoff,
        // which waits on that clock, refills them.
        sandbox.Clock.Advance(TimeSpan.FromSeconds(5));
        await client.CallAsync("PutSecretValue", new { SecretId = "rate/limited", SecretString = "x", ClientRequestToken = SecretsManagerHttp.NewToken() });
    }

    [Fact]
    public void A_quota_refills_with_real_time()
    {
        var quota = new Quotas.RateQuota(20);
        Assert.True(Enumerable.Range(0, 20).All(_ => quota.TryTake()));
        Assert.False(quota.TryTake());
        Thread.Sleep(TimeSpan.FromMilliseconds(120));
        Assert.True(quota.TryTake());
    }

    [Fact]
    public async Task Faults_match_by_service_and_operation_and_honour_skip_and_count()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        await client.CreateSecretAsync("faults/target", "v");
        var id = sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "GetSecretValue", Kind = FaultKind.ServerError, Skip = 1, Count = 2 });

        await client.GetValueAsync("faults/target");
        for (var i = 0; i < 2; i++)
        {
            var failure = await client.FailAsync("GetSecretValue", new { SecretId = "faults/target" });
            Assert.Equal((System.Net.HttpStatusCode.InternalServerError, "InternalServiceError"), (failure.Status, failure.Code));
        }

        await client.GetValueAsync("faults/target");
        await client.CallAsync("DescribeSecret", new { SecretId = "faults/target" });
        Assert.Equal(new FaultStatus(id, sandbox.Faults.Rules[0].Rule, 2, 1), sandbox.Faults.Rules[0]);

        sandbox.Faults.Clear();
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.Throttle, Count = 1 });
        Assert.Equal("ThrottlingException", (await client.FailAsync("ListSecrets", new { })).Code);
        Assert.True(sandbox.Faults.Remove(sandbox.Faults.Rules[0].Id));
    }

    [Fact]
    public async Task Latency_delays_in_real_time_and_a_dropped_connection_gets_no_reply()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        await client.CreateSecretAsync("faults/slow", "v");

        sandbox.Faults.Add(new FaultRule { Operation = "DescribeSecret", Kind = FaultKind.Latency, Latency = TimeSpan.FromMilliseconds(300), Count = 1 });
        var watch = Stopwatch.StartNew();
        await client.CallAsync("DescribeSecret", new { SecretId = "faults/slow" });
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"the reply came after {watch.ElapsedMilliseconds} ms");

        sandbox.Faults.Add(new FaultRule { Operation = "GetSecretValue", Kind = FaultKind.DropConnection, Count = 1 });
        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync("GetSecretValue", """{"SecretId":"faults/slow"}"""));
        await client.GetValueAsync("faults/slow");
    }

    [Fact]
    public async Task A_dropped_reply_leaves_the_change_made_though_the_caller_saw_no_answer()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        await client.CreateSecretAsync("faults/lost-reply", "before");

        sandbox.Faults.Add(new FaultRule { Operation = "PutSecretValue", Kind = FaultKind.DropReply, Count = 1 });
        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync("PutSecretValue",
            $$"""{"SecretId":"faults/lost-reply","SecretString":"after","ClientRequestToken":"{{SecretsManagerHttp.NewToken()}}"}"""));

        Assert.Equal("after", await client.GetValueAsync("faults/lost-reply"));
    }

    [Fact]
    public async Task A_fault_scoped_to_one_secret_leaves_the_others_calls_alone()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        await client.CreateSecretAsync("faults/scoped", "v");
        await client.CreateSecretAsync("faults/bystander", "v");
        sandbox.Faults.Add(new FaultRule { Operation = "GetSecretValue", Kind = FaultKind.ServerError, RequestContains = "faults/scoped" });

        Assert.Equal("v", await client.GetValueAsync("faults/bystander"));
        Assert.Equal("InternalServiceError", (await client.FailAsync("GetSecretValue", new { SecretId = "faults/scoped" })).Code);
        Assert.Equal(1, sandbox.Faults.Rules[0].Hits);
    }

    [Fact]
    public async Task A_slow_reply_is_applied_at_once_and_stays_applied_when_the_caller_gives_up_waiting()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        await client.CreateSecretAsync("faults/slow-reply", "before");
        sandbox.Faults.Add(new FaultRule { Operation = "PutSecretValue", Kind = FaultKind.SlowReply, Latency = TimeSpan.FromSeconds(30), Count = 1 });

        using var givingUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync("PutSecretValue",
            $$"""{"SecretId":"faults/slow-reply","SecretString":"after","ClientRequestToken":"{{SecretsManagerHttp.NewToken()}}"}""", cancellationToken: givingUp.Token));

        Assert.Equal("after", await client.GetValueAsync("faults/slow-reply"));
    }
}
