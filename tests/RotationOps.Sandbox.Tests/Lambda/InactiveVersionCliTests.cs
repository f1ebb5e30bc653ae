using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Lambda;

/// <summary>
/// An idle version's lifecycle as AWS documents it, seen through GetFunction with the AWS CLI v2:
/// Inactive until an invocation (which fails, running nothing) makes Lambda restore it, Pending
/// (Restoring) meanwhile, then Active.
/// </summary>
public sealed class InactiveVersionCliTests
{
    [AwsCliFact]
    public async Task An_invocation_restores_an_Inactive_version_through_Pending_to_Active_and_a_dry_run_does_not()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var aws = new AwsCli(sandbox);
        var lambda = new LambdaHttp(sandbox);
        await lambda.CreateFunctionAsync("orders-api");
        LambdaSandbox.Settle(sandbox);
        var version = await lambda.PublishAsync("orders-api");
        LambdaSandbox.Settle(sandbox);
        sandbox.LambdaBehaviors.Idle("orders-api", version);

        async Task<(string? State, string? Code)> StateAsync()
        {
            var configuration = (await aws.RunAsync("lambda", "get-function", "--function-name", "orders-api", "--qualifier", version))
                .Succeeded().Json.GetProperty("Configuration");
            return (configuration.GetProperty("State").GetString(),
                configuration.TryGetProperty("StateReasonCode", out var code) ? code.GetString() : null);
        }

        Assert.Equal(("Inactive", "Idle"), await StateAsync());

        var output = Path.GetTempFileName();
        (await aws.RunAsync("lambda", "invoke", "--function-name", "orders-api", "--qualifier", version, "--invocation-type", "DryRun", output)).Succeeded();
        Assert.Equal(("Inactive", "Idle"), await StateAsync());

        var refused = await lambda.FailAsync(HttpMethod.Post, $"/orders-api/invocations?Qualifier={version}");
        Assert.Equal(HttpStatusCode.BadGateway, refused.Status);
        Assert.Equal("ResourceNotReadyException", refused.Code);
        Assert.Equal(0, sandbox.Lambda.Find("orders-api")!.Versions.Single(v => v.Version == version).Invocations);
        Assert.Equal(("Pending", "Restoring"), await StateAsync());

        LambdaSandbox.Settle(sandbox);
        Assert.Equal(("Active", null), await StateAsync());
        (await aws.RunAsync("lambda", "invoke", "--function-name", "orders-api", "--qualifier", version, output)).Succeeded();
        File.Delete(output);
    }
}
