using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Api;

/// <summary>What <c>--seed-demo</c> leaves in a Sandbox, seen the way the demo's client sees it.</summary>
public sealed class DemoSeedTests
{
    [Fact]
    public async Task SeedDemo_creates_a_readable_JSON_secret_its_downstream_accepts_and_registers_the_rotation_function()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);

        var functionArn = sandbox.SeedDemo();

        Assert.Equal(TestSandbox.LambdaArn(sandbox, "demo-orders-rotation"), functionArn);
        var function = sandbox.RotationFunctions.Find(functionArn);
        Assert.NotNull(function);
        Assert.Equal("RotateJsonKey(password)", function.Behavior.Strategy.ToString());
        Assert.True(function.Behavior.KeepCurrentCredentialValid);
        var consumer = sandbox.Lambda.Find("demo-orders-api");
        Assert.NotNull(consumer);
        Assert.Equal("1", Assert.Single(consumer.Aliases, a => a.Name == "LIVE").FunctionVersion);
        Assert.Single(sandbox.Traffic.Streams, s => s.FunctionName == "demo-orders-api" && s.AliasName == "LIVE");

        var described = await client.CallAsync("DescribeSecret", new { SecretId = "demo/orders/db" });
        var stages = described.GetProperty("VersionIdsToStages").EnumerateObject().ToList();
        Assert.Equal(["AWSCURRENT"], stages.Single().Value.EnumerateArray().Select(s => s.GetString()));
        Assert.False(described.TryGetProperty("RotationEnabled", out _), "the seed leaves enabling rotation to the demo");

        // Compared without printing: a failure message must not carry the generated password.
        var value = await client.GetValueAsync("demo/orders/db");
        var json = JsonDocument.Parse(value).RootElement;
        Assert.Equal(["username", "password", "host", "port"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("orders_app", json.GetProperty("username").GetString());
        Assert.True(json.GetProperty("password").GetString()!.Length == 32, "the password is 32 generated characters");
        Assert.Equal("orders-db.demo.internal", json.GetProperty("host").GetString());
        Assert.Equal(5432, json.GetProperty("port").GetInt32());
        Assert.True(sandbox.Downstream.Accepts("demo/orders/db", value), "the downstream service accepts the seeded value");
    }
}
