using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Aws.Http;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Tests.Support;

namespace RotationOps.Engine.Tests.Aws;

public sealed class RetryTests
{
    private const string Described = "{\"ARN\":\"arn:aws:secretsmanager:eu-west-1:1:secret:db\",\"Name\":\"db\"}";

    [Fact]
    public async Task Throttling_is_retried_after_exactly_the_Retry_After_wait_then_succeeds()
    {
        var handler = new StubHttpHandler(
            Answer.Error((HttpStatusCode)429, "TooManyRequestsException", "Rate exceeded", ("Retry-After", "7")),
            Answer.Ok(Described));
        var time = new FakeTimeProvider();

        SecretDescription result = await TestClients.SecretsManager(handler, time: time).DescribeSecretAsync("db", CancellationToken.None);

        Assert.Equal("db", result.Name);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(new[] { TimeSpan.FromSeconds(7) }, time.Waits);
    }

    [Theory]
    [InlineData(400, "ThrottlingException")]
    [InlineData(400, "com.amazonaws.secretsmanager#ThrottlingException")]
    [InlineData(400, "Throttling")]
    [InlineData(400, "LimitExceededException")]
    [InlineData(400, "RequestLimitExceeded")]
    [InlineData(429, "TooManyRequestsException")]
    [InlineData(500, "InternalServiceError")]
    [InlineData(503, "ServiceUnavailable")]
    public async Task Throttling_codes_and_server_errors_are_retried_with_full_jitter_backoff(int status, string code)
    {
        var handler = new StubHttpHandler(
            Answer.Error((HttpStatusCode)status, code, "try later"),
            Answer.Error((HttpStatusCode)status, code, "try later"),
            Answer.Ok(Described));
        var time = new FakeTimeProvider();

        await TestClients.SecretsManager(handler, time: time).DescribeSecretAsync("db", CancellationToken.None);

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(2, time.Waits.Count);
        Assert.InRange(time.Waits[0], TimeSpan.Zero, AwsRetryPolicy.BaseDelay);
        Assert.InRange(time.Waits[1], TimeSpan.Zero, AwsRetryPolicy.BaseDelay + AwsRetryPolicy.BaseDelay);
    }

    [Fact]
    public void Backoff_ceilings_double_per_retry_up_to_the_cap()
    {
        var always = new AwsRetryPolicy(10, TimeSpan.FromHours(1), new MaxRandom());

        Assert.Equal(new[] { 1d, 2, 4, 8, 16, 20, 20 }, Enumerable.Range(1, 7).Select(n => Math.Round(always.Backoff(n).TotalSeconds)));
    }

    [Theory]
    [InlineData("ValidationException")]
    [InlineData("ResourceNotFoundException")]
    [InlineData("InvalidRequestException")]
    [InlineData("AccessDeniedException")]
    public async Task Client_errors_are_not_retried(string code)
    {
        var handler = new StubHttpHandler(Answer.Error(HttpStatusCode.BadRequest, code, "no"), Answer.Ok(Described));
        var time = new FakeTimeProvider();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            TestClients.SecretsManager(handler, time: time).DescribeSecretAsync("db", CancellationToken.None));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(1, error.Attempts);
        Assert.Single(handler.Requests);
        Assert.Empty(time.Waits);
    }

    [Fact]
    public async Task After_MaxAttempts_the_last_error_is_thrown()
    {
        var handler = new StubHttpHandler(
            Answer.Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded"),
            Answer.Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded"),
            Answer.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "down for now"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            TestClients.SecretsManager(handler, change: o => o.MaxAttempts = 3).DescribeSecretAsync("db", CancellationToken.None));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal("ServiceUnavailable", error.ErrorCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, error.Attempts);
        Assert.Contains("gave up after 3 attempts", error.Message);
    }

    [Fact]
    public async Task A_call_whose_first_send_got_no_answer_stays_outcome_unknown_when_its_resends_are_throttled()
    {
        // The first send may have been applied; throttled resends say nothing about it.
        var handler = new StubHttpHandler(
            Answer.Drop(),
            Answer.Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded"),
            Answer.Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            TestClients.SecretsManager(handler, change: o => o.MaxAttempts = 3).DescribeSecretAsync("db", CancellationToken.None));

        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.True(error.EarlierAttemptUnanswered);
        Assert.True(error.OutcomeUnknown);
    }

    [Fact]
    public async Task A_call_throttled_on_every_send_was_never_applied()
    {
        var handler = new StubHttpHandler(
            Answer.Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded"),
            Answer.Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            TestClients.SecretsManager(handler, change: o => o.MaxAttempts = 2).DescribeSecretAsync("db", CancellationToken.None));

        Assert.False(error.OutcomeUnknown);
    }

    [Fact]
    public async Task A_wait_that_would_pass_MaxRetryTime_ends_the_call_with_the_error_at_once()
    {
        var handler = new StubHttpHandler(
            Answer.Error((HttpStatusCode)429, "TooManyRequestsException", "Rate exceeded", ("Retry-After", "90")),
            Answer.Ok(Described));
        var time = new FakeTimeProvider();
        var verbose = new ConcurrentQueue<string>();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.SecretsManager(handler, verbose, time,
            o => o.MaxRetryTime = TimeSpan.FromSeconds(60)).DescribeSecretAsync("db", CancellationToken.None));

        Assert.Equal("TooManyRequestsException", error.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(90), error.RetryAfter);
        Assert.Single(handler.Requests);
        Assert.Contains(verbose, line => line.Contains("MaxRetryTime"));
    }

    [Fact]
    public async Task A_call_without_an_answer_times_out_per_attempt_in_real_time_and_is_retried()
    {
        var handler = new StubHttpHandler(Answer.Hang());
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.SecretsManager(handler,
            change: o => { o.CallTimeout = TimeSpan.FromMilliseconds(150); o.MaxAttempts = 2; })
            .DescribeSecretAsync("db", CancellationToken.None));

        Assert.Equal(AwsLocalErrorCodes.RequestTimeout, error.ErrorCode);
        Assert.Null(error.StatusCode);
        Assert.Equal(2, error.Attempts);
        Assert.Contains("CallTimeout", error.Message);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_dropped_connection_is_retried()
    {
        var handler = new StubHttpHandler(Answer.Drop(), Answer.Ok(Described));

        SecretDescription result = await TestClients.SecretsManager(handler).DescribeSecretAsync("db", CancellationToken.None);

        Assert.Equal("db", result.Name);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_connection_closed_by_a_real_server_is_retried()
    {
        int calls = 0;
        using var server = new LoopbackServer(request =>
            Interlocked.Increment(ref calls) == 1 ? null : new LoopbackAnswer(200, Described));
        using var http = new System.Net.Http.HttpClient();
        SecretsManagerClient client = SecretsManagerClient.Create(TestClients.Options(o => o.EndpointUrl = server.Url),
            new FakeTimeProvider(), null, http, new Random(3));

        SecretDescription result = await client.DescribeSecretAsync("db", CancellationToken.None);

        Assert.Equal("db", result.Name);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_an_answer_stops_the_call_without_retrying()
    {
        var handler = new StubHttpHandler(Answer.Hang());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            TestClients.SecretsManager(handler).DescribeSecretAsync("db", cancel.Token));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Cancelling_during_a_backoff_wait_stops_the_call()
    {
        var handler = new StubHttpHandler(Answer.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "down"), Answer.Ok(Described));
        var time = new FakeTimeProvider(autoAdvance: false);
        using var cancel = new CancellationTokenSource();

        Task call = TestClients.SecretsManager(handler, time: time).DescribeSecretAsync("db", cancel.Token);
        while (time.PendingTimers == 0 && !call.IsCompleted) await Task.Delay(5);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Verbose_reports_each_attempt_and_each_retry_without_bodies()
    {
        var handler = new StubHttpHandler(
            Answer.Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded"),
            Answer.Ok(Described));
        var verbose = new ConcurrentQueue<string>();

        await TestClients.SecretsManager(handler, verbose).DescribeSecretAsync("prod/orders/db", CancellationToken.None);

        var lines = verbose.Lines().Skip(1).ToList();
        Assert.Equal(4, lines.Count);
        Assert.StartsWith("secretsmanager DescribeSecret 'prod/orders/db': HTTP 400 ThrottlingException in ", lines[0]);
        Assert.EndsWith("(attempt 1, request id req-ThrottlingException)", lines[0]);
        Assert.Equal("secretsmanager DescribeSecret 'prod/orders/db': slowing the client-side rate limit of secretsmanager:read to 7000 calls/s after ThrottlingException", lines[1]);
        Assert.Matches(@"^secretsmanager DescribeSecret 'prod/orders/db': retrying after ThrottlingException in [0-9.]+ s \(attempt 2 of 4\)$", lines[2]);
        Assert.Matches(@"^secretsmanager DescribeSecret 'prod/orders/db': HTTP 200 in \d+ ms \(attempt 2, request id req-ok\)$", lines[3]);
        Assert.DoesNotContain(verbose, line => line.Contains("SecretId") || line.Contains("arn:aws"));
    }

    /// <summary>Always the top of the range, to observe the backoff ceilings.</summary>
    private sealed class MaxRandom : Random
    {
        public override double NextDouble() => 1.0;
    }
}
