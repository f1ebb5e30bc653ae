using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using RotationOps.Sandbox.Faults;

namespace RotationOps.Sandbox.Tests.Lambda;

/// <summary>Lambda's control-plane quotas on the virtual clock, and injected faults in Lambda's own error shapes.</summary>
public sealed class LambdaQuotaAndFaultTests
{
    [Fact]
    public async Task The_control_plane_quota_answers_429_with_Retry_After_and_refills_as_the_virtual_clock_moves()
    {
        await using var sandbox = await LambdaSandbox.WithAwsQuotas();
        var lambda = new LambdaHttp(sandbox);
        await lambda.CreateFunctionAsync("orders-api");
        for (var i = 0; i < 14; i++)
        {
            await lambda.CallAsync(HttpMethod.Get, "/");
        }

        // All at one frozen instant: the sixteenth call of the shared 15/s bucket is refused.
        var throttled = await lambda.FailAsync(HttpMethod.Get, "/orders-api/configuration");
        Assert.Equal((HttpStatusCode.TooManyRequests, "TooManyRequestsException", "Rate exceeded"), (throttled.Status, throttled.Code, throttled.Message));
        Assert.Equal("CallerRateLimitExceeded", throttled.Body.GetProperty("Reason").GetString());
        Assert.Equal("1", throttled.Response.Headers.GetValues("Retry-After").Single());

        // GetFunction has its own bucket, Invoke is not a control-plane call.
        await lambda.CallAsync(HttpMethod.Get, "/orders-api");
        Assert.Equal(HttpStatusCode.Conflict, (await lambda.InvokeAsync("orders-api")).Status);

        sandbox.Clock.Advance(TimeSpan.FromSeconds(1));
        await lambda.CallAsync(HttpMethod.Get, "/orders-api/configuration");
    }

    [Fact]
    public async Task Injected_faults_answer_in_Lambdas_shapes()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var lambda = new LambdaHttp(sandbox);
        await lambda.CreateFunctionAsync("orders-api");
        LambdaSandbox.Settle(sandbox);
        sandbox.Faults.Add(new FaultRule { Service = "lambda", Operation = "Invoke", Kind = FaultKind.Throttle, Count = 1 });
        sandbox.Faults.Add(new FaultRule { Service = "lambda", Operation = "GetFunctionConfiguration", Kind = FaultKind.ServerError, Count = 1 });

        var throttled = await lambda.InvokeAsync("orders-api");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.Status);
        Assert.Contains("CallerRateLimitExceeded", throttled.Payload, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await lambda.InvokeAsync("orders-api")).Status);

        var failed = await lambda.FailAsync(HttpMethod.Get, "/orders-api/configuration");
        Assert.Equal((HttpStatusCode.InternalServerError, "ServiceException", "Service"), (failed.Status, failed.Code, failed.Body.GetProperty("Type").GetString()));
        Assert.True(failed.Body.TryGetProperty("Message", out _), "ServiceException spells its text Message");
        Assert.Equal([1, 1], sandbox.Faults.Rules.Select(r => r.Hits));
    }

    [Fact]
    public async Task Conflict_and_precondition_faults_answer_409_and_412_for_the_one_function_named_and_change_nothing()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var lambda = new LambdaHttp(sandbox);
        await lambda.CreateFunctionAsync("orders-api");
        await lambda.CreateFunctionAsync("billing-api");
        LambdaSandbox.Settle(sandbox);
        sandbox.Faults.Add(new FaultRule { Service = "lambda", Operation = "UpdateFunctionConfiguration", Kind = FaultKind.Conflict, RequestContains = "orders-api", Count = 1 });
        sandbox.Faults.Add(new FaultRule { Service = "lambda", Operation = "PublishVersion", Kind = FaultKind.PreconditionFailed, RequestContains = "orders-api", Count = 1 });

        // The other function's calls pass untouched: the faults are scoped to orders-api.
        await lambda.UpdateConfigurationAsync("billing-api", new { Description = "billing" });
        var busy = await lambda.FailAsync(HttpMethod.Put, "/orders-api/configuration", new { Description = "changed" });
        Assert.Equal((HttpStatusCode.Conflict, "ResourceConflictException"), (busy.Status, busy.Code));
        Assert.Equal("The operation cannot be performed at this time. An update is in progress for resource: arn:aws:lambda:us-east-1:123456789012:function:orders-api", busy.Message);
        var stale = await lambda.FailAsync(HttpMethod.Post, "/orders-api/versions", new { });
        Assert.Equal((HttpStatusCode.PreconditionFailed, "PreconditionFailedException"), (stale.Status, stale.Code));

        var configuration = await lambda.CallAsync(HttpMethod.Get, "/orders-api/configuration");
        Assert.False(configuration.TryGetProperty("Description", out var description) && description.GetString() == "changed", "a refused update changes nothing");
        Assert.Equal([1, 1], sandbox.Faults.Rules.Select(r => r.Hits));
    }

    [Fact]
    public void Conflict_and_precondition_faults_are_Lambdas_only()
    {
        var faults = new FaultInjector();
        var refused = Assert.Throws<ArgumentException>(() => faults.Add(new FaultRule { Service = "secretsmanager", Kind = FaultKind.PreconditionFailed }));
        Assert.StartsWith("PreconditionFailed is Lambda's 412: arm it for service lambda.", refused.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => faults.Add(new FaultRule { Kind = FaultKind.Conflict }));
    }
}
