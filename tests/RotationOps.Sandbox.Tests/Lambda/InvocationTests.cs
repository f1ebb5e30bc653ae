using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using RotationOps.Sandbox.Lambda;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Lambda;

/// <summary>Invoke: alias weights, declared behaviour (error rate, secret dependency), invocation types and published metrics.</summary>
public sealed class InvocationTests
{
    [Fact]
    public async Task Alias_weights_split_invocations_exactly_and_the_reply_names_the_executed_version()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var lambda = new LambdaHttp(sandbox);
        var (stable, canary) = await TwoVersionsAsync(sandbox, lambda, "orders-api");
        await lambda.CreateAliasAsync("orders-api", "live", stable, new Dictionary<string, double> { [canary] = 0.1 });

        var executed = new List<string?>();
        for (var i = 0; i < 50; i++)
        {
            executed.Add((await lambda.InvokeAsync("orders-api", "live")).ExecutedVersion);
        }

        // The weight is honoured exactly and spread out, not drawn at random: every tenth call goes to the canary.
        Assert.Equal(Enumerable.Range(1, 50).Select(i => i % 10 == 0 ? canary : stable), executed);
        var versions = sandbox.Lambda.Find("orders-api")!.Versions.ToDictionary(v => v.Version, v => v.Invocations);
        Assert.Equal((45L, 5L, 0L), (versions[stable], versions[canary], versions["$LATEST"]));
        var alias = sandbox.Lambda.Find("orders-api")!.Aliases.Single();
        Assert.Equal(0.1, alias.AdditionalVersionWeights[canary]);
    }

    [Fact]
    public async Task A_declared_error_rate_fails_evenly_as_an_unhandled_error_and_each_invocation_type_answers_as_on_AWS()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var lambda = new LambdaHttp(sandbox);
        await lambda.CreateFunctionAsync("orders-api");
        LambdaSandbox.Settle(sandbox);
        sandbox.LambdaBehaviors.Set("orders-api", new LambdaBehavior { ErrorRate = 0.25, Payload = """{"ok":true}""", Latency = TimeSpan.FromMilliseconds(40) });

        var replies = new List<Invocation>();
        for (var i = 0; i < 8; i++)
        {
            replies.Add(await lambda.InvokeAsync("orders-api"));
        }

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal([null, null, null, "Unhandled", null, null, null, "Unhandled"], replies.Select(r => r.FunctionError));
        var error = JsonDocument.Parse(replies[3].Payload).RootElement;
        Assert.Equal("InjectedFailure", error.GetProperty("errorType").GetString());
        Assert.Contains("0.25", error.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal("""{"ok":true}""", replies[0].Payload);

        var tail = await lambda.InvokeAsync("orders-api", headers: new Dictionary<string, string> { ["X-Amz-Log-Type"] = "Tail" });
        var log = Encoding.UTF8.GetString(Convert.FromBase64String(tail.LogResult!));
        Assert.StartsWith("START RequestId: ", log, StringComparison.Ordinal);
        Assert.Contains("Duration: 40.00 ms", log, StringComparison.Ordinal);

        var queued = await lambda.InvokeAsync("orders-api", headers: new Dictionary<string, string> { ["X-Amz-Invocation-Type"] = "Event" });
        Assert.Equal((HttpStatusCode.Accepted, string.Empty), (queued.Status, queued.Payload));
        var dry = await lambda.InvokeAsync("orders-api", headers: new Dictionary<string, string> { ["X-Amz-Invocation-Type"] = "DryRun" });
        Assert.Equal(HttpStatusCode.NoContent, dry.Status);
        Assert.Equal((10L, 2L), (sandbox.Lambda.Find("orders-api")!.Versions[0].Invocations, sandbox.Lambda.Find("orders-api")!.Versions[0].Errors));

        var broken = await lambda.InvokeAsync("orders-api", payload: "{not json");
        Assert.Equal(HttpStatusCode.BadRequest, broken.Status);
        Assert.Contains("Could not parse request body into json", broken.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_dependency_reads_the_stage_and_fails_unless_the_downstream_service_accepts_the_value()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var lambda = new LambdaHttp(sandbox);
        var secrets = new SecretsManagerHttp(sandbox);
        await secrets.CreateSecretAsync("prod/orders/db", "s3cr3t-current");
        sandbox.Downstream.Set("prod/orders/db", "s3cr3t-current");
        await lambda.CreateFunctionAsync("orders-api");
        LambdaSandbox.Settle(sandbox);

        sandbox.LambdaBehaviors.Set("orders-api", new LambdaBehavior { SecretDependency = new SecretDependency("prod/orders/db") });
        Assert.Null((await lambda.InvokeAsync("orders-api")).FunctionError);

        sandbox.LambdaBehaviors.Set("orders-api", new LambdaBehavior { SecretDependency = new SecretDependency("prod/orders/db", "AWSPENDING") });
        var noPending = await lambda.InvokeAsync("orders-api");
        Assert.Equal("Unhandled", noPending.FunctionError);
        Assert.Equal("AccessDenied to downstream", JsonDocument.Parse(noPending.Payload).RootElement.GetProperty("errorMessage").GetString());

        sandbox.LambdaBehaviors.Set("orders-api", new LambdaBehavior { SecretDependency = new SecretDependency("prod/orders/db") });
        sandbox.Downstream.Set("prod/orders/db", "a-password-the-secret-does-not-hold");
        var rejected = await lambda.InvokeAsync("orders-api", headers: new Dictionary<string, string> { ["X-Amz-Log-Type"] = "Tail" });
        Assert.Equal("Unhandled", rejected.FunctionError);
        Assert.True(!Encoding.UTF8.GetString(Convert.FromBase64String(rejected.LogResult!)).Contains("s3cr3t", StringComparison.Ordinal),
            "the log tail must not carry the secret value");
        Assert.Throws<ArgumentException>(() => sandbox.LambdaBehaviors.Set("orders-api", new LambdaBehavior { ErrorRate = 1.5 }));
    }

    [Fact]
    public async Task Each_invocation_publishes_AWS_Lambda_metrics_with_FunctionName_Resource_and_ExecutedVersion()
    {
        var metrics = new RecordingMetricSink();
        await using var sandbox = await LambdaSandbox.StartAsync(metrics);
        var lambda = new LambdaHttp(sandbox);
        var (stable, canary) = await TwoVersionsAsync(sandbox, lambda, "orders-api");
        await lambda.CreateAliasAsync("orders-api", "live", stable, new Dictionary<string, double> { [canary] = 0.5 });
        sandbox.LambdaBehaviors.Set("orders-api", canary, new LambdaBehavior { ErrorRate = 1, Latency = TimeSpan.FromMilliseconds(250) });

        await lambda.InvokeAsync("orders-api", "live");
        await lambda.InvokeAsync("orders-api", "live");
        await lambda.InvokeAsync("orders-api");
        await lambda.InvokeAsync("orders-api", stable);

        Assert.Equal(4, metrics.Sum("Invocations", ("FunctionName", "orders-api")));
        Assert.Equal(1, metrics.Sum("Errors", ("FunctionName", "orders-api")));
        Assert.Equal(2, metrics.Sum("Invocations", ("FunctionName", "orders-api"), ("Resource", "orders-api:live")));
        Assert.Equal(1, metrics.Sum("Errors", ("FunctionName", "orders-api"), ("Resource", "orders-api:live"), ("ExecutedVersion", canary)));
        Assert.Equal(0, metrics.Sum("Errors", ("FunctionName", "orders-api"), ("Resource", "orders-api:live"), ("ExecutedVersion", stable)));
        Assert.Equal(250, metrics.Series("Duration", ("FunctionName", "orders-api"), ("Resource", "orders-api:live"), ("ExecutedVersion", canary)).Single().Values.Maximum);
        Assert.Equal(1, metrics.Sum("Invocations", ("FunctionName", "orders-api"), ("Resource", "orders-api")));
        Assert.Equal(1, metrics.Sum("Invocations", ("FunctionName", "orders-api"), ("Resource", $"orders-api:{stable}")));
        Assert.DoesNotContain(metrics.Data, d => d.Dimensions.ContainsKey("ExecutedVersion") && d.Dimensions["Resource"] != "orders-api:live");
        Assert.All(metrics.Data, d => Assert.Equal(("AWS/Lambda", sandbox.Clock.GetUtcNow()), (d.Namespace, d.Timestamp)));
        var throttles = metrics.Series("Throttles", ("FunctionName", "orders-api"));
        Assert.Equal((4.0, 0.0), (throttles.Sum(d => d.Values.SampleCount), throttles.Sum(d => d.Values.Sum)));
    }

    /// <summary>A function with two published, Active versions that differ in description.</summary>
    internal static async Task<(string Stable, string Canary)> TwoVersionsAsync(SandboxServer sandbox, LambdaHttp lambda, string name)
    {
        await lambda.CreateFunctionAsync(name);
        LambdaSandbox.Settle(sandbox);
        var stable = await lambda.PublishAsync(name);
        await lambda.UpdateConfigurationAsync(name, new { Description = "canary" });
        LambdaSandbox.Settle(sandbox);
        var canary = await lambda.PublishAsync(name);
        LambdaSandbox.Settle(sandbox);
        return (stable, canary);
    }
}
