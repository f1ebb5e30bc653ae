using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading.Tasks;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Lambda;

/// <summary>Lambda's restJson1 wire shapes, name forms, lifecycle on the virtual clock and version/alias bookkeeping.</summary>
public sealed class LambdaApiTests
{
    [Fact]
    public async Task Errors_are_named_by_header_and_spell_the_message_member_as_the_model_does()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var lambda = new LambdaHttp(sandbox);

        var missing = await lambda.FailAsync(HttpMethod.Get, "/payments/configuration");
        Assert.Equal((HttpStatusCode.NotFound, "ResourceNotFoundException"), (missing.Status, missing.Code));
        Assert.Equal("User", missing.Body.GetProperty("Type").GetString());
        Assert.Equal("Function not found: arn:aws:lambda:us-east-1:123456789012:function:payments", missing.Body.GetProperty("Message").GetString());

        await lambda.CreateFunctionAsync("orders-api");
        var conflict = await lambda.FailAsync(HttpMethod.Post, string.Empty, new
        {
            FunctionName = "orders-api",
            Role = LambdaSandbox.Role,
            Code = new { ZipFile = Convert.ToBase64String(LambdaSandbox.Zip()) },
        });
        Assert.Equal((HttpStatusCode.Conflict, "ResourceConflictException"), (conflict.Status, conflict.Code));
        Assert.Equal("Function already exist: orders-api", conflict.Body.GetProperty("message").GetString());

        var badRole = await lambda.FailAsync(HttpMethod.Post, string.Empty, new
        {
            FunctionName = "other",
            Role = "admin",
            Code = new { ZipFile = Convert.ToBase64String(LambdaSandbox.Zip()) },
        });
        Assert.Equal((HttpStatusCode.BadRequest, "ValidationException"), (badRole.Status, badRole.Code));

        using var unsigned = new HttpClient();
        using var refused = await unsigned.GetAsync(new Uri(sandbox.Endpoint, "2015-03-31/functions/"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", refused.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task A_function_is_found_by_name_ARN_partial_ARN_and_qualifier()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var lambda = new LambdaHttp(sandbox);
        await lambda.CreateFunctionAsync("orders-api");
        LambdaSandbox.Settle(sandbox);
        var version = await lambda.PublishAsync("orders-api", "first");
        await lambda.CreateAliasAsync("orders-api", "live", version);
        var arn = TestSandbox.LambdaArn(sandbox, "orders-api");

        foreach (var name in new[] { "orders-api", arn, "123456789012:function:orders-api" })
        {
            var configuration = await lambda.CallAsync(HttpMethod.Get, $"/{Uri.EscapeDataString(name)}/configuration");
            Assert.Equal((arn, "$LATEST"), (configuration.GetProperty("FunctionArn").GetString(), configuration.GetProperty("Version").GetString()));
        }

        var byAlias = await lambda.CallAsync(HttpMethod.Get, $"/{Uri.EscapeDataString(arn + ":live")}/configuration");
        Assert.Equal(($"{arn}:live", version, "first"),
            (byAlias.GetProperty("FunctionArn").GetString(), byAlias.GetProperty("Version").GetString(), byAlias.GetProperty("Description").GetString()));
        var byQuery = await lambda.CallAsync(HttpMethod.Get, $"/orders-api?Qualifier={version}");
        Assert.Equal($"{arn}:{version}", byQuery.GetProperty("Configuration").GetProperty("FunctionArn").GetString());
        Assert.Equal("S3", byQuery.GetProperty("Code").GetProperty("RepositoryType").GetString());

        var disagree = await lambda.FailAsync(HttpMethod.Get, $"/{Uri.EscapeDataString("orders-api:live")}/configuration?Qualifier=1");
        Assert.Equal("InvalidParameterValueException", disagree.Code);
        var elsewhere = await lambda.FailAsync(HttpMethod.Get, $"/{Uri.EscapeDataString("arn:aws:lambda:eu-west-1:123456789012:function:orders-api")}/configuration");
        Assert.Equal("Function not found: arn:aws:lambda:eu-west-1:123456789012:function:orders-api", elsewhere.Message);
        var noVersion = await lambda.FailAsync(HttpMethod.Get, "/orders-api/configuration?Qualifier=7");
        Assert.Equal($"Function not found: {arn}:7", noVersion.Message);
        var qualifiedUpdate = await lambda.FailAsync(HttpMethod.Put, $"/{Uri.EscapeDataString("orders-api:1")}/configuration", new { Timeout = 5 });
        Assert.Equal("InvalidParameterValueException", qualifiedUpdate.Code);
    }

    [Fact]
    public async Task Lifecycle_states_follow_the_virtual_clock_and_unchanged_publishes_return_the_last_version()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var lambda = new LambdaHttp(sandbox);
        var zip = LambdaSandbox.Zip();
        var created = await lambda.CreateFunctionAsync("orders-api");
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(zip)), created.GetProperty("CodeSha256").GetString());
        Assert.Equal(zip.Length, created.GetProperty("CodeSize").GetInt64());
        Assert.Equal("2025-03-10T09:30:00.000+0000", created.GetProperty("LastModified").GetString());

        var pending = await lambda.InvokeAsync("orders-api");
        Assert.Equal(HttpStatusCode.Conflict, pending.Status);
        Assert.Contains("The function is currently in the following state: Pending", pending.Payload, StringComparison.Ordinal);
        sandbox.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("Active", (await lambda.CallAsync(HttpMethod.Get, "/orders-api/configuration")).GetProperty("State").GetString());

        var updated = await lambda.CallAsync(HttpMethod.Put, "/orders-api/code", new { ZipFile = Convert.ToBase64String(LambdaSandbox.Zip("# v2")) });
        Assert.Equal("InProgress", updated.GetProperty("LastUpdateStatus").GetString());
        Assert.NotEqual(created.GetProperty("RevisionId").GetString(), updated.GetProperty("RevisionId").GetString());
        Assert.Equal("InProgress", sandbox.Lambda.Find("orders-api")!.LastUpdateStatus);
        sandbox.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("Successful", (await lambda.CallAsync(HttpMethod.Get, "/orders-api/configuration")).GetProperty("LastUpdateStatus").GetString());

        var published = await lambda.CallAsync(HttpMethod.Post, "/orders-api/versions", new { Description = "v1" }, HttpStatusCode.Created);
        Assert.Equal(("1", "Pending"), (published.GetProperty("Version").GetString(), published.GetProperty("State").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await lambda.InvokeAsync("orders-api", "1")).Status);
        sandbox.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("1", (await lambda.InvokeAsync("orders-api", "1")).ExecutedVersion);
        var again = await lambda.CallAsync(HttpMethod.Post, "/orders-api/versions", new { Description = "nothing changed" }, HttpStatusCode.Created);
        Assert.Equal(("1", "v1", "Active"),
            (again.GetProperty("Version").GetString(), again.GetProperty("Description").GetString(), again.GetProperty("State").GetString()));

        var versions = await lambda.CallAsync(HttpMethod.Get, "/orders-api/versions?MaxItems=1");
        Assert.Equal(["$LATEST"], versions.GetProperty("Versions").EnumerateArray().Select(v => v.GetProperty("Version").GetString()));
        var next = versions.GetProperty("NextMarker").GetString()!;
        var rest = await lambda.CallAsync(HttpMethod.Get, $"/orders-api/versions?MaxItems=1&Marker={Uri.EscapeDataString(next)}");
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:orders-api:1", rest.GetProperty("Versions")[0].GetProperty("FunctionArn").GetString());
        Assert.False(rest.TryGetProperty("NextMarker", out _));
    }

    [Fact]
    public async Task Lists_return_at_most_fifty_a_page()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var lambda = new LambdaHttp(sandbox);
        for (var i = 0; i < 52; i++)
        {
            await lambda.CreateFunctionAsync($"fn-{i:D2}");
        }

        var first = await lambda.CallAsync(HttpMethod.Get, "/?MaxItems=100");
        Assert.Equal(50, first.GetProperty("Functions").GetArrayLength());
        var second = await lambda.CallAsync(HttpMethod.Get, $"/?Marker={Uri.EscapeDataString(first.GetProperty("NextMarker").GetString()!)}");
        Assert.Equal(["fn-50", "fn-51"], second.GetProperty("Functions").EnumerateArray().Select(f => f.GetProperty("FunctionName").GetString()));
        Assert.False(second.TryGetProperty("NextMarker", out _));
    }

    [Fact]
    public async Task Aliases_are_created_once_listed_and_deleted_idempotently()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var lambda = new LambdaHttp(sandbox);
        await lambda.CreateFunctionAsync("orders-api");
        LambdaSandbox.Settle(sandbox);
        var version = await lambda.PublishAsync("orders-api");
        var created = await lambda.CreateAliasAsync("orders-api", "live", version);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:orders-api:live", created.GetProperty("AliasArn").GetString());

        var twice = await lambda.FailAsync(HttpMethod.Post, "/orders-api/aliases", new { Name = "live", FunctionVersion = version });
        Assert.Equal((HttpStatusCode.Conflict, "Alias already exists: arn:aws:lambda:us-east-1:123456789012:function:orders-api:live"), (twice.Status, twice.Message));
        Assert.Equal("ValidationException", (await lambda.FailAsync(HttpMethod.Post, "/orders-api/aliases", new { Name = "42", FunctionVersion = version })).Code);
        Assert.Equal("Function not found: arn:aws:lambda:us-east-1:123456789012:function:orders-api:9",
            (await lambda.FailAsync(HttpMethod.Post, "/orders-api/aliases", new { Name = "blue", FunctionVersion = "9" })).Message);
        await lambda.CreateAliasAsync("orders-api", "edge", "$LATEST");

        var onVersion = await lambda.CallAsync(HttpMethod.Get, $"/orders-api/aliases?FunctionVersion={version}");
        Assert.Equal(["live"], onVersion.GetProperty("Aliases").EnumerateArray().Select(a => a.GetProperty("Name").GetString()));
        await lambda.CallAsync(HttpMethod.Delete, "/orders-api/aliases/live", expected: HttpStatusCode.NoContent);
        await lambda.CallAsync(HttpMethod.Delete, "/orders-api/aliases/live", expected: HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.NotFound, (await lambda.FailAsync(HttpMethod.Get, "/orders-api/aliases/live")).Status);
        Assert.Equal(["edge"], sandbox.Lambda.Find("orders-api")!.Aliases.Select(a => a.Name));
    }
}
