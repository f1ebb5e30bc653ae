using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Api;

/// <summary>The /_sandbox/ control surface an operator drives a standalone Sandbox with.</summary>
public sealed class ControlSurfaceTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Functions_downstream_faults_and_clock_can_be_driven_over_HTTP()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        var control = new Uri(sandbox.Endpoint, "_sandbox/");
        await client.CreateSecretAsync("ops/db", """{"username":"ops","password":"hunter2-original"}""");

        var registered = await PostAsync(control, "rotation-functions", new { name = "ops-rotation", strategy = "RotateJsonKey", jsonKey = "password", stepLatencySeconds = 60 });
        var arn = registered.GetProperty("arn").GetString()!;
        Assert.Equal(TestSandbox.LambdaArn(sandbox, "ops-rotation"), arn);
        await PostAsync(control, "downstream", new { secretId = "ops/db", acceptedValues = new[] { """{"username":"ops","password":"hunter2-original"}""" } });
        Assert.True(sandbox.Downstream.Accepts("ops/db", """{"username":"ops","password":"hunter2-original"}"""));

        await client.CallAsync("RotateSecret", new { SecretId = "ops/db", RotationLambdaARN = arn, ClientRequestToken = SecretsManagerHttp.NewToken() });
        var clock = await PostAsync(control, "clock/advance", new { seconds = 300 });
        Assert.Equal(TestSandbox.Start.AddMinutes(5), clock.GetProperty("now").GetDateTimeOffset());

        // The snapshot shows labels and events but never a secret value.
        using var state = await Http.GetAsync(new Uri(control, "state"));
        var text = await state.Content.ReadAsStringAsync();
        Assert.False(text.Contains("hunter2", StringComparison.Ordinal), "the state snapshot must not contain a secret value");
        var secret = JsonDocument.Parse(text).RootElement.GetProperty("secrets")[0];
        Assert.Equal(["AWSCURRENT", "AWSPREVIOUS"], secret.GetProperty("versions").EnumerateArray().SelectMany(v => v.GetProperty("stages").EnumerateArray()).Select(s => s.GetString()).Order());
        Assert.Equal("RotationSucceeded", secret.GetProperty("rotationEvents")[1].GetProperty("name").GetString());

        var fault = await PostAsync(control, "faults", new { service = "secretsmanager", operation = "DescribeSecret", kind = "Throttle", count = 1 });
        Assert.Equal("ThrottlingException", (await client.FailAsync("DescribeSecret", new { SecretId = "ops/db" })).Code);
        using var faults = await Http.GetAsync(new Uri(control, "faults"));
        Assert.Equal(1, JsonDocument.Parse(await faults.Content.ReadAsStringAsync()).RootElement[0].GetProperty("hits").GetInt32());
        using var removed = await Http.DeleteAsync(new Uri(control, $"faults/{fault.GetProperty("id").GetString()}"));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Empty(sandbox.Faults.Rules);

        using var info = await Http.GetAsync(new Uri(control, "info"));
        var infoJson = JsonDocument.Parse(await info.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(sandbox.AccessKeyId, infoJson.GetProperty("accessKeyId").GetString());
        Assert.Equal(sandbox.Region, infoJson.GetProperty("region").GetString());

        using var unknown = await Http.GetAsync(new Uri(control, "nothing-here"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var bad = await Http.PostAsJsonAsync(new Uri(control, "rotation-functions"), new { name = "x", strategy = "Teleport" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Secrets_and_functions_can_be_seeded_over_HTTP_and_are_served_by_the_AWS_APIs()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var control = new Uri(sandbox.Endpoint, "_sandbox/");

        var secret = await PostAsync(control, "secrets", new { name = "seeded/db", secretString = """{"password":"seeded-value"}""" });
        var value = await new SecretsManagerHttp(sandbox).CallAsync("GetSecretValue", new { SecretId = "seeded/db" });
        Assert.Equal(secret.GetProperty("versionId").GetString(), value.GetProperty("VersionId").GetString());
        Assert.Equal("""{"password":"seeded-value"}""", value.GetProperty("SecretString").GetString());
        Assert.StartsWith("arn:aws:secretsmanager:", secret.GetProperty("arn").GetString());
        Assert.True(sandbox.Downstream.Accepts("seeded/db", """{"password":"seeded-value"}"""));

        var function = await PostAsync(control, "lambda/functions", new { name = "seeded-api", runtime = "python3.11", aliasName = "BLUE" });
        Assert.EndsWith(":function:seeded-api", function.GetProperty("arn").GetString());
        var seeded = sandbox.Lambda.Find("seeded-api")!;
        Assert.Equal("1", seeded.Aliases.Single(a => a.Name == "BLUE").FunctionVersion);

        // A second seed of the same name is refused, as CreateSecret and CreateFunction would refuse it.
        using var again = await Http.PostAsJsonAsync(new Uri(control, "secrets"), new { name = "seeded/db", secretString = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        using var empty = await Http.PostAsJsonAsync(new Uri(control, "secrets"), new { name = "seeded/empty", secretString = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Null(sandbox.SecretsManager.Secrets.FirstOrDefault(x => x.Name == "seeded/empty"));
        using var sameFunction = await Http.PostAsJsonAsync(new Uri(control, "lambda/functions"), new { name = "seeded-api" });
        Assert.Equal(HttpStatusCode.BadRequest, sameFunction.StatusCode);
    }

    [Fact]
    public async Task The_request_log_names_operations_and_outcomes_but_never_values()
    {
        var lines = new List<string>();
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { RequestLog = line => { lock (lines) { lines.Add(line); } } });
        var client = new SecretsManagerHttp(sandbox);
        await client.CreateSecretAsync("log/secret", "correct-horse-battery-staple");
        await client.GetValueAsync("log/secret");
        await client.FailAsync("GetSecretValue", new { SecretId = "log/none" });

        Assert.False(lines.Any(l => l.Contains("horse", StringComparison.Ordinal)), "the request log must not contain a secret value");
        Assert.Equal(["secretsmanager.CreateSecret -> 200", "secretsmanager.GetSecretValue -> 200", "secretsmanager.GetSecretValue -> 400 ResourceNotFoundException"], lines);
    }

    private static async Task<JsonElement> PostAsync(Uri control, string path, object body)
    {
        using var response = await Http.PostAsJsonAsync(new Uri(control, path), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
