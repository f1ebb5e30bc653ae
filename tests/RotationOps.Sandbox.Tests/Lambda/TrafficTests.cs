using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using RotationOps.Sandbox.Lambda;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Lambda;

/// <summary>Simulated traffic: whole virtual minutes generated lazily, split by alias weights, published as per-minute aggregates.</summary>
public sealed class TrafficTests
{
    [Fact]
    public async Task Elapsed_minutes_are_generated_on_catch_up_split_by_weight_and_published_once_per_series_per_minute()
    {
        var metrics = new RecordingMetricSink();
        await using var sandbox = await LambdaSandbox.StartAsync(metrics);
        var lambda = new LambdaHttp(sandbox);
        var (stable, canary) = await InvocationTests.TwoVersionsAsync(sandbox, lambda, "orders-api");
        await lambda.CreateAliasAsync("orders-api", "live", stable, new Dictionary<string, double> { [canary] = 0.2 });
        sandbox.LambdaBehaviors.Set("orders-api", canary, new LambdaBehavior { ErrorRate = 0.5 });
        var started = sandbox.Clock.GetUtcNow();
        var stream = sandbox.Traffic.Drive("orders-api", "live", 60);

        sandbox.Clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(0, stream.Invocations);
        sandbox.Traffic.CatchUp();
        Assert.Equal((60L, 6L, started.AddMinutes(1)), (stream.Invocations, stream.Errors, stream.GeneratedUntil));
        var perVersion = metrics.Series("Invocations", ("FunctionName", "orders-api"), ("Resource", "orders-api:live"), ("ExecutedVersion", canary)).Single();
        Assert.Equal((started, 12.0, 12.0), (perVersion.Timestamp, perVersion.Values.SampleCount, perVersion.Values.Sum));
        Assert.Equal(6, metrics.Sum("Errors", ("FunctionName", "orders-api"), ("Resource", "orders-api:live")));

        // Clearing the routing sends the next minutes to the stable version only; a request catches up first.
        await lambda.CallAsync(HttpMethod.Put, "/orders-api/aliases/live", new { RoutingConfig = new { AdditionalVersionWeights = new Dictionary<string, double>() } });
        sandbox.Clock.Advance(TimeSpan.FromMinutes(2));
        stream.Stop();
        sandbox.Clock.Advance(TimeSpan.FromMinutes(5));
        sandbox.Traffic.CatchUp();
        Assert.True(stream.IsStopped);
        Assert.Equal(180, stream.Invocations);
        var versions = sandbox.Lambda.Find("orders-api")!.Versions.ToDictionary(v => v.Version, v => v.Invocations);
        Assert.Equal((168L, 12L), (versions[stable], versions[canary]));
        Assert.Equal(3, metrics.Series("Invocations", ("FunctionName", "orders-api")).Count);
    }

    [Fact]
    public async Task With_an_error_seed_failures_are_drawn_at_random_so_minutes_vary_around_the_rate_and_runs_repeat()
    {
        var perMinute = new List<long[]>();
        for (int run = 0; run < 2; run++)
        {
            var metrics = new RecordingMetricSink();
            await using var sandbox = await LambdaSandbox.StartAsync(metrics);
            var lambda = new LambdaHttp(sandbox);
            var (stable, canary) = await InvocationTests.TwoVersionsAsync(sandbox, lambda, "orders-api");
            await lambda.CreateAliasAsync("orders-api", "live", stable, new Dictionary<string, double> { [canary] = 0.5 });
            sandbox.LambdaBehaviors.Set("orders-api", canary, new LambdaBehavior { ErrorRate = 0.1, ErrorSeed = 42 });
            var stream = sandbox.Traffic.Drive("orders-api", "live", 200);

            var minutes = new long[30];
            for (int minute = 0; minute < minutes.Length; minute++)
            {
                long before = stream.Errors;
                sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
                sandbox.Traffic.CatchUp();
                minutes[minute] = stream.Errors - before;
            }

            perMinute.Add(minutes);
        }

        // 100 canary calls a minute at 10 %: evenly spread, every minute would have exactly 10 errors.
        long[] errors = perMinute[0];
        Assert.True(errors.Distinct().Count() > 3, $"errors per minute: {string.Join(", ", errors)}");
        Assert.InRange(errors.Sum(), 240, 360); // 300 expected; binomial sd about 16
        Assert.Equal(perMinute[0], perMinute[1]);
    }

    [Fact]
    public async Task Two_hundred_functions_over_thirty_virtual_minutes_catch_up_in_well_under_a_second()
    {
        var metrics = new RecordingMetricSink();
        await using var sandbox = await LambdaSandbox.StartAsync(metrics);
        var lambda = new LambdaHttp(sandbox);
        var names = Enumerable.Range(0, 200).Select(i => $"svc-{i:D3}").ToList();
        await Task.WhenAll(names.Select(name => lambda.CreateFunctionAsync(name)));
        LambdaSandbox.Settle(sandbox);
        await Task.WhenAll(names.Select(async name =>
        {
            await lambda.PublishAsync(name);
            await lambda.UpdateConfigurationAsync(name, new { Description = "canary" });
        }));
        LambdaSandbox.Settle(sandbox);
        await Task.WhenAll(names.Select(async name =>
        {
            await lambda.PublishAsync(name);
            await lambda.CreateAliasAsync(name, "live", "1", new Dictionary<string, double> { ["2"] = 0.1 });
        }));
        LambdaSandbox.Settle(sandbox);
        var streams = names.Select(name => sandbox.Traffic.Drive(name, "live", 60)).ToList();

        sandbox.Clock.Advance(TimeSpan.FromMinutes(30));
        var watch = Stopwatch.StartNew();
        sandbox.Traffic.CatchUp();
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"catching up 200 × 30 minutes took {watch.ElapsedMilliseconds} ms");
        Assert.All(streams, s => Assert.Equal(1800, s.Invocations));
        Assert.Equal(180, metrics.Sum("Invocations", ("FunctionName", "svc-123"), ("Resource", "svc-123:live"), ("ExecutedVersion", "2")));

        // One datum per metric per series per minute: 4 metrics × (function + alias + 2 versions) × 30 minutes × 200 functions.
        Assert.Equal(4 * 4 * 30 * 200, metrics.Data.Count);
    }

    [Fact]
    public async Task Traffic_and_behaviours_are_driven_through_the_control_surface()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var lambda = new LambdaHttp(sandbox);
        var (stable, _) = await InvocationTests.TwoVersionsAsync(sandbox, lambda, "orders-api");
        await lambda.CreateAliasAsync("orders-api", "live", stable);
        using var http = new HttpClient { BaseAddress = sandbox.Endpoint };

        using var behavior = await http.PostAsJsonAsync("_sandbox/lambda/behaviors",
            new { functionName = "orders-api", version = stable, errorRate = 0.5, latencyMs = 20, payload = new { ok = true } });
        Assert.Equal(HttpStatusCode.OK, behavior.StatusCode);
        Assert.Equal("""{"ok":true}""", sandbox.LambdaBehaviors.Get("orders-api", stable).Payload);

        using var started = await http.PostAsJsonAsync("_sandbox/traffic", new { functionName = "orders-api", alias = "live", invocationsPerMinute = 10 });
        var id = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        sandbox.Clock.Advance(TimeSpan.FromMinutes(3));
        var running = JsonDocument.Parse(await http.GetStringAsync("_sandbox/traffic")).RootElement.EnumerateArray().Single();
        Assert.Equal((id, 30L, 15L), (running.GetProperty("id").GetString(), running.GetProperty("invocations").GetInt64(), running.GetProperty("errors").GetInt64()));

        var state = JsonDocument.Parse(await http.GetStringAsync("_sandbox/lambda")).RootElement.EnumerateArray().Single();
        Assert.Equal(30, state.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("version").GetString() == stable).GetProperty("invocations").GetInt64());
        using var stopped = await http.DeleteAsync($"_sandbox/traffic/{id}");
        Assert.True(JsonDocument.Parse(await stopped.Content.ReadAsStringAsync()).RootElement.GetProperty("isStopped").GetBoolean());
        using var unknown = await http.PostAsJsonAsync("_sandbox/traffic", new { functionName = "orders-api", alias = "blue", invocationsPerMinute = 10 });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        using var drawn = await http.PostAsJsonAsync("_sandbox/lambda/behaviors", new { functionName = "orders-api", version = stable, errorRate = 0.01, errorSeed = 7 });
        Assert.Equal(HttpStatusCode.OK, drawn.StatusCode);
        Assert.Equal((0.01, (int?)7), (sandbox.LambdaBehaviors.Get("orders-api", stable).ErrorRate, sandbox.LambdaBehaviors.Get("orders-api", stable).ErrorSeed));
    }
}
