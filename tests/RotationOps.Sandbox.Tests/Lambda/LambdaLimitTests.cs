using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace RotationOps.Sandbox.Tests.Lambda;

/// <summary>Lambda's documented limits on configuration, enforced as AWS does, and ListFunctions as current clients call it.</summary>
public sealed class LambdaLimitTests
{
    [Fact]
    public async Task A_runtime_outside_the_models_enum_is_a_ValidationException_and_changes_nothing()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var lambda = new LambdaHttp(sandbox);
        await lambda.CreateFunctionAsync("orders-api");
        LambdaSandbox.Settle(sandbox);

        var refused = await lambda.FailAsync(HttpMethod.Put, "/orders-api/configuration", new { Runtime = "python9.99" });

        Assert.Equal((HttpStatusCode.BadRequest, "ValidationException"), (refused.Status, refused.Code));
        Assert.Contains("Value 'python9.99' at 'runtime' failed to satisfy constraint: Member must satisfy enum value set", refused.Message);
        Assert.Equal("python3.12", sandbox.Lambda.Find("orders-api")!.Versions.Single(v => v.Version == "$LATEST").Runtime);
        await lambda.FailAsync(HttpMethod.Post, string.Empty, new { FunctionName = "bad-runtime", Runtime = "cobol85", Role = LambdaSandbox.Role, Handler = "h" });
        Assert.Null(sandbox.Lambda.Find("bad-runtime"));
    }

    [Theory]
    [InlineData("bad key-name!")]
    [InlineData("1STARTS_WITH_DIGIT")]
    [InlineData("X")]
    public async Task An_environment_variable_name_outside_Lambdas_pattern_is_refused(string name)
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var lambda = new LambdaHttp(sandbox);
        await lambda.CreateFunctionAsync("orders-api");
        LambdaSandbox.Settle(sandbox);

        var refused = await lambda.FailAsync(HttpMethod.Put, "/orders-api/configuration",
            new { Environment = new { Variables = new Dictionary<string, string> { [name] = "v" } } });

        Assert.Equal("ValidationException", refused.Code);
        Assert.Contains("[a-zA-Z]([a-zA-Z0-9_])+", refused.Message);
    }

    [Fact]
    public async Task Variables_over_4_KB_together_are_refused_without_quoting_their_values()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var lambda = new LambdaHttp(sandbox);
        await lambda.CreateFunctionAsync("orders-api");
        LambdaSandbox.Settle(sandbox);
        var fits = new Dictionary<string, string> { ["BLOB"] = new string('a', 4000) };
        var over = new Dictionary<string, string> { ["BLOB"] = new string('a', 4000), ["MORE"] = new string('b', 100) };

        await lambda.UpdateConfigurationAsync("orders-api", new { Environment = new { Variables = fits } });
        LambdaSandbox.Settle(sandbox);
        var refused = await lambda.FailAsync(HttpMethod.Put, "/orders-api/configuration", new { Environment = new { Variables = over } });

        Assert.Equal("InvalidParameterValueException", refused.Code);
        Assert.Contains("exceeded the 4KB limit", refused.Message);
        Assert.DoesNotContain("bbbb", refused.Message);
    }

    [Fact]
    public async Task ListFunctions_answers_with_and_without_the_trailing_slash()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var lambda = new LambdaHttp(sandbox);
        await lambda.CreateFunctionAsync("orders-api");

        foreach (var path in new[] { "", "/" })
        {
            var listed = await lambda.CallAsync(HttpMethod.Get, path);
            Assert.Equal("orders-api", listed.GetProperty("Functions")[0].GetProperty("FunctionName").GetString());
        }
    }
}
