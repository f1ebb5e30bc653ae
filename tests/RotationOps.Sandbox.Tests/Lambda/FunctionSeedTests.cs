using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Lambda;

/// <summary><c>SeedFunction</c>: a live function ready for a canary, seen the way a signed Lambda client sees it.</summary>
public sealed class FunctionSeedTests
{
    [Fact]
    public async Task SeedFunction_leaves_an_Active_version_1_behind_the_alias_at_once()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var lambda = new LambdaHttp(sandbox);

        var arn = sandbox.SeedFunction("orders-api", environment: new Dictionary<string, string> { ["STAGE"] = "prod" });

        // The clock has not moved: version 1 is Active without the activation wait a publish costs.
        Assert.Equal(TestSandbox.LambdaArn(sandbox, "orders-api"), arn);
        var alias = await lambda.CallAsync(HttpMethod.Get, "/orders-api/aliases/LIVE");
        Assert.Equal(("1", $"{arn}:LIVE"), (alias.GetProperty("FunctionVersion").GetString(), alias.GetProperty("AliasArn").GetString()));
        var version = await lambda.CallAsync(HttpMethod.Get, "/orders-api/configuration?Qualifier=1");
        Assert.Equal(("1", "Active", "python3.8"),
            (version.GetProperty("Version").GetString(), version.GetProperty("State").GetString(), version.GetProperty("Runtime").GetString()));
        Assert.Equal("prod", version.GetProperty("Environment").GetProperty("Variables").GetProperty("STAGE").GetString());
        Assert.Equal($"arn:aws:iam::{sandbox.AccountId}:role/orders-api-role", version.GetProperty("Role").GetString());
        var latest = await lambda.CallAsync(HttpMethod.Get, "/orders-api/configuration");
        Assert.Equal(("Active", "Successful"), (latest.GetProperty("State").GetString(), latest.GetProperty("LastUpdateStatus").GetString()));
        Assert.Equal(latest.GetProperty("CodeSha256").GetString(), version.GetProperty("CodeSha256").GetString());
        Assert.True(latest.GetProperty("CodeSize").GetInt64() > 22, "a real zip holds a file, not only the end-of-directory record");

        var invocation = await lambda.InvokeAsync("orders-api", "LIVE");
        Assert.Equal((HttpStatusCode.OK, "1"), (invocation.Status, invocation.ExecutedVersion));
    }

    [Fact]
    public async Task SeedFunction_refuses_a_taken_name_and_names_Lambda_would_refuse()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        sandbox.SeedFunction("orders-api", aliasName: "PROD");

        Assert.Throws<InvalidOperationException>(() => sandbox.SeedFunction("orders-api"));
        Assert.Throws<ArgumentException>(() => sandbox.SeedFunction("orders api"));
        Assert.Throws<ArgumentException>(() => sandbox.SeedFunction("payments", aliasName: "42"));
        Assert.Null(sandbox.Lambda.Find("payments"));
    }
}
