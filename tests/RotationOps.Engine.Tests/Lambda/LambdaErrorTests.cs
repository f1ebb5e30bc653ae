using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Lambda;
using RotationOps.Engine.Tests.Support;

namespace RotationOps.Engine.Tests.Lambda;

public sealed class LambdaErrorTests
{
    private const string InternalSuffix = ":http://internal.amazon.com/coral/com.amazonaws.awsgirl/";

    [Theory]
    [InlineData(404, "ResourceNotFoundException", "message", "Function not found: arn:aws:lambda:eu-west-1:123456789012:function:orders-api")]
    [InlineData(404, "ResourceNotFoundException", "Message", "Cannot find alias arn: arn:aws:lambda:eu-west-1:123456789012:function:orders-api:live")]
    [InlineData(409, "ResourceConflictException", "message", "Alias already exists: arn:aws:lambda:eu-west-1:123456789012:function:orders-api:live")]
    [InlineData(412, "PreconditionFailedException", "message", "The Revision Id provided does not match the latest Revision Id.")]
    [InlineData(400, "InvalidParameterValueException", "message", "CodeSha256 (abc=) is different from current CodeSha256 in $LATEST (def=).")]
    public async Task Lambda_errors_carry_the_code_from_x_amzn_ErrorType_and_are_not_retried(int status, string code, string messageField, string message)
    {
        var handler = new StubHttpHandler(Answer.Json((HttpStatusCode)status,
            "{\"Type\":\"User\",\"" + messageField + "\":\"" + message + "\"}",
            ("x-amzn-ErrorType", code + InternalSuffix), ("x-amzn-RequestId", "lambda-req-1")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => LambdaTestClient.Create(handler).UpdateAliasAsync(
            new UpdateAliasRequest { FunctionName = "orders-api", Name = "live", FunctionVersion = "7", RevisionId = "stale" }, CancellationToken.None));

        Assert.Equal("lambda", error.Service);
        Assert.Equal("UpdateAlias", error.Operation);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(message, error.ServiceMessage);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal("lambda-req-1", error.RequestId);
        Assert.Equal(1, error.Attempts);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Without_the_header_the_code_comes_from_the_body_and_Type_is_not_mistaken_for_it()
    {
        var handler = new StubHttpHandler(Answer.Json(HttpStatusCode.NotFound,
            "{\"Type\":\"User\",\"__type\":\"ResourceNotFoundException\",\"message\":\"Function not found: x\"}"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            LambdaTestClient.Create(handler).GetFunctionConfigurationAsync("x", null, CancellationToken.None));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.True(error.IsNotFound);
    }

    [Fact]
    public async Task Throttling_429_is_retried_after_exactly_Retry_After_on_the_injected_clock()
    {
        var handler = new StubHttpHandler(
            Answer.Json((HttpStatusCode)429, "{\"Reason\":\"CallerRateLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate exceeded\"}",
                ("x-amzn-ErrorType", "TooManyRequestsException"), ("Retry-After", "3")),
            Answer.Ok(LambdaTestClient.Alias("live", "7")));
        var time = new FakeTimeProvider();

        AliasConfiguration alias = await LambdaTestClient.Create(handler, time: time).UpdateAliasAsync(
            new UpdateAliasRequest { FunctionName = "orders-api", Name = "live", FunctionVersion = "7" }, CancellationToken.None);

        Assert.Equal("7", alias.FunctionVersion);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(new[] { TimeSpan.FromSeconds(3) }, time.Waits);
        Assert.Equal(handler.Requests[0].BodyText, handler.Requests[1].BodyText);
    }

    [Fact]
    public async Task An_update_refused_409_while_another_is_in_progress_is_retried_with_backoff()
    {
        var handler = new StubHttpHandler(
            Answer.Json(HttpStatusCode.Conflict,
                "{\"Type\":\"User\",\"message\":\"The operation cannot be performed at this time. An update is in progress for resource: arn:aws:lambda:eu-west-1:123456789012:function:orders-api\"}",
                ("x-amzn-ErrorType", "ResourceConflictException")),
            Answer.Ok(LambdaTestClient.Alias("live", "7")));
        var time = new FakeTimeProvider();

        AliasConfiguration alias = await LambdaTestClient.Create(handler, time: time).UpdateAliasAsync(
            new UpdateAliasRequest { FunctionName = "orders-api", Name = "live", FunctionVersion = "7", RevisionId = "rev-1" }, CancellationToken.None);

        Assert.Equal("7", alias.FunctionVersion);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Single(time.Waits);
        Assert.Equal(handler.Requests[0].BodyText, handler.Requests[1].BodyText);
    }

    [Fact]
    public async Task A_RevisionId_guarded_update_resent_after_a_5xx_fails_412_instead_of_applying_twice()
    {
        var handler = new StubHttpHandler(
            Answer.Json(HttpStatusCode.ServiceUnavailable, "{\"Type\":\"Service\",\"message\":\"try again\"}", ("x-amzn-ErrorType", "ServiceException")),
            Answer.Json(HttpStatusCode.PreconditionFailed, "{\"Type\":\"User\",\"message\":\"The Revision Id provided does not match the latest Revision Id.\"}",
                ("x-amzn-ErrorType", "PreconditionFailedException")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => LambdaTestClient.Create(handler).UpdateFunctionConfigurationAsync(
            new UpdateFunctionConfigurationRequest { FunctionName = "orders-api", RevisionId = "rev-1", Runtime = "dotnet8" }, CancellationToken.None));

        Assert.Equal("PreconditionFailedException", error.ErrorCode);
        Assert.Equal(2, error.Attempts);
        Assert.All(handler.Requests, r => Assert.Contains("\"RevisionId\":\"rev-1\"", r.BodyText));
    }

    [Fact]
    public async Task An_invocation_whose_connection_dropped_is_not_run_a_second_time()
    {
        var handler = new StubHttpHandler(Answer.Drop(), Answer.Ok("{}"));
        var verbose = new ConcurrentQueue<string>();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => LambdaTestClient.Create(handler, verbose).InvokeAsync(
            new InvokeRequest { FunctionName = "orders-api", Qualifier = "live" }, CancellationToken.None));

        Assert.Equal("ConnectionError", error.ErrorCode);
        Assert.Single(handler.Requests);
        Assert.Contains(verbose, line => line == "lambda Invoke 'orders-api:live': not retrying ConnectionError: the call may already have taken effect");
    }

    [Fact]
    public async Task An_invocation_that_failed_with_a_5xx_is_not_run_a_second_time()
    {
        var handler = new StubHttpHandler(
            Answer.Json(HttpStatusCode.InternalServerError, "{\"message\":\"internal\"}", ("x-amzn-ErrorType", "ServiceException")),
            Answer.Ok("{}"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => LambdaTestClient.Create(handler).InvokeAsync(
            new InvokeRequest { FunctionName = "orders-api" }, CancellationToken.None));

        Assert.Equal("ServiceException", error.ErrorCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_throttled_invocation_is_retried_because_Lambda_ran_nothing()
    {
        var handler = new StubHttpHandler(
            Answer.Json((HttpStatusCode)429, "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"message\":\"Rate Exceeded.\"}",
                ("x-amzn-ErrorType", "TooManyRequestsException"), ("Retry-After", "1")),
            Answer.Json(HttpStatusCode.OK, "\"ok\"", ("X-Amz-Executed-Version", "7")));
        var time = new FakeTimeProvider();

        InvocationResult result = await LambdaTestClient.Create(handler, time: time).InvokeAsync(
            new InvokeRequest { FunctionName = "orders-api", Qualifier = "live" }, CancellationToken.None);

        Assert.Equal("7", result.ExecutedVersion);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(new[] { TimeSpan.FromSeconds(1) }, time.Waits);
    }

    [Fact]
    public async Task A_dry_run_runs_nothing_so_it_is_resent_after_a_dropped_connection()
    {
        var handler = new StubHttpHandler(Answer.Drop(), Answer.Json(HttpStatusCode.NoContent, ""));

        InvocationResult result = await LambdaTestClient.Create(handler).InvokeAsync(
            new InvokeRequest { FunctionName = "orders-api", InvocationType = "DryRun" }, CancellationToken.None);

        Assert.Equal(204, result.StatusCode);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Environment_values_never_reach_verbose_output_or_error_text_even_when_echoed()
    {
        const string secret = "hunter2-TOP-SECRET";
        var handler = new StubHttpHandler(
            Answer.Json(HttpStatusCode.OK, "{\"FunctionName\":\"orders-api\",\"Version\":\"$LATEST\",\"Environment\":{\"Variables\":{\"DB_PASSWORD\":\"" + secret + "\"}}}"),
            Answer.Json(HttpStatusCode.BadRequest,
                "{\"Type\":\"User\",\"message\":\"1 validation error detected: Value '{DB_PASSWORD=" + secret + ", bad-key=x}' at 'environment.variables' failed to satisfy constraint\"}",
                ("x-amzn-ErrorType", "InvalidParameterValueException")));
        var verbose = new ConcurrentQueue<string>();
        LambdaClient client = LambdaTestClient.Create(handler, verbose);
        var environment = new Dictionary<string, string> { ["DB_PASSWORD"] = secret, ["bad-key"] = "x" };

        FunctionConfiguration updated = await client.UpdateFunctionConfigurationAsync(
            new UpdateFunctionConfigurationRequest { FunctionName = "orders-api", Environment = environment }, CancellationToken.None);
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.UpdateFunctionConfigurationAsync(
            new UpdateFunctionConfigurationRequest { FunctionName = "orders-api", Environment = environment }, CancellationToken.None));

        Assert.Equal(secret, updated.Environment["DB_PASSWORD"]);
        Assert.Contains(secret, handler.Requests[0].BodyText);
        Assert.Equal("InvalidParameterValueException", error.ErrorCode);
        Assert.DoesNotContain(secret, error.ToString());
        Assert.Contains("DB_PASSWORD=[redacted]", error.ServiceMessage);
        Assert.Equal(3, verbose.Count);
        Assert.DoesNotContain(verbose, line => line.Contains(secret) || line.Contains("DB_PASSWORD"));
    }
}
