using System;
using System.Threading.Tasks;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Lambda;

/// <summary>Lambda's refusals through the AWS CLI v2: update conflicts, stale revisions and the alias routing rules.</summary>
public sealed class AliasRoutingCliTests
{
    [AwsCliFact]
    public async Task Updates_conflict_while_in_progress_and_stale_revisions_are_refused()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var aws = new AwsCli(sandbox);
        var lambda = new LambdaHttp(sandbox);
        var created = await lambda.CreateFunctionAsync("orders-api");
        var staleRevision = created.GetProperty("RevisionId").GetString()!;

        var pending = (await aws.RunAsync("lambda", "update-function-configuration", "--function-name", "orders-api", "--timeout", "10"))
            .FailedWith("ResourceConflictException");
        Assert.Contains("The function is currently in the following state: Pending", pending.Stderr, StringComparison.Ordinal);
        LambdaSandbox.Settle(sandbox);

        (await aws.RunAsync("lambda", "update-function-configuration", "--function-name", "orders-api", "--timeout", "10")).Succeeded();
        var busy = (await aws.RunAsync("lambda", "update-function-configuration", "--function-name", "orders-api", "--memory-size", "256"))
            .FailedWith("ResourceConflictException");
        Assert.Contains(
            "The operation cannot be performed at this time. An update is in progress for resource: arn:aws:lambda:us-east-1:123456789012:function:orders-api",
            busy.Stderr, StringComparison.Ordinal);
        LambdaSandbox.Settle(sandbox);

        var stale = (await aws.RunAsync("lambda", "update-function-configuration", "--function-name", "orders-api", "--memory-size", "256",
            "--revision-id", staleRevision)).FailedWith("PreconditionFailedException");
        Assert.Contains("The Revision Id provided does not match the latest Revision Id.", stale.Stderr, StringComparison.Ordinal);
        (await aws.RunAsync("lambda", "publish-version", "--function-name", "orders-api", "--revision-id", staleRevision))
            .FailedWith("PreconditionFailedException");
        var mismatch = (await aws.RunAsync("lambda", "publish-version", "--function-name", "orders-api", "--code-sha256", "bm90LXRoZS1jb2Rl"))
            .FailedWith("InvalidParameterValueException");
        Assert.Contains("CodeSHA256 (bm90LXRoZS1jb2Rl) is different from current CodeSHA256 in $LATEST", mismatch.Stderr, StringComparison.Ordinal);

        var version = await lambda.PublishAsync("orders-api");
        var alias = await lambda.CreateAliasAsync("orders-api", "LIVE", version);
        (await aws.RunAsync("lambda", "update-alias", "--function-name", "orders-api", "--name", "LIVE", "--description", "x",
            "--revision-id", "00000000-0000-0000-0000-000000000000")).FailedWith("PreconditionFailedException");
        var fresh = (await aws.RunAsync("lambda", "update-alias", "--function-name", "orders-api", "--name", "LIVE", "--description", "x",
            "--revision-id", alias.GetProperty("RevisionId").GetString()!)).Succeeded().Json;
        Assert.NotEqual(alias.GetProperty("RevisionId").GetString(), fresh.GetProperty("RevisionId").GetString());
    }

    [AwsCliFact]
    public async Task Alias_routing_follows_AWS_rules()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var aws = new AwsCli(sandbox);
        var lambda = new LambdaHttp(sandbox);
        await lambda.CreateFunctionAsync("orders-api");
        LambdaSandbox.Settle(sandbox);
        var v1 = await lambda.PublishAsync("orders-api");
        await lambda.UpdateConfigurationAsync("orders-api", new { Description = "v2" });
        LambdaSandbox.Settle(sandbox);
        var v2 = await lambda.PublishAsync("orders-api");
        await lambda.UpdateConfigurationAsync("orders-api", new { Role = "arn:aws:iam::123456789012:role/other-role" });
        LambdaSandbox.Settle(sandbox);
        var v3 = await lambda.PublishAsync("orders-api");
        await lambda.CreateAliasAsync("orders-api", "LIVE", v1);

        Task<CliResult> Route(string version, string weights) =>
            aws.RunAsync("lambda", "update-alias", "--function-name", "orders-api", "--name", "LIVE", "--function-version", version,
                "--routing-config", $"AdditionalVersionWeights={{{weights}}}");

        // Shorthand cannot even spell a "$LATEST" key; the JSON form reaches the service's own validation.
        var latestKey = (await aws.RunAsync("lambda", "update-alias", "--function-name", "orders-api", "--name", "LIVE", "--function-version", v1,
            "--routing-config", """{"AdditionalVersionWeights":{"$LATEST":0.1}}""")).FailedWith("ValidationException");
        Assert.Contains("Member must satisfy regular expression pattern: [0-9]+", latestKey.Stderr, StringComparison.Ordinal);
        var latestTarget = (await Route("$LATEST", $"{v2}=0.1")).FailedWith("InvalidParameterValueException");
        Assert.Contains("$LATEST is not supported for an alias pointing to more than 1 version", latestTarget.Stderr, StringComparison.Ordinal);
        var itself = (await Route(v2, $"{v2}=0.1")).FailedWith("InvalidParameterValueException");
        Assert.Contains($"Invalid function version {v2}. Function version {v2} is already included in routing configuration.", itself.Stderr, StringComparison.Ordinal);
        var twoExtra = (await Route(v1, $"{v2}=0.1,{v3}=0.1")).FailedWith("InvalidParameterValueException");
        Assert.Contains("Number of items in AdditionalVersionWeights cannot be greater than 1", twoExtra.Stderr, StringComparison.Ordinal);
        var otherRole = (await Route(v1, $"{v3}=0.1")).FailedWith("InvalidParameterValueException");
        Assert.Contains("Specified versions must be associated with the same execution role", otherRole.Stderr, StringComparison.Ordinal);
        (await Route(v1, $"{v2}=1.5")).FailedWith("ValidationException");

        (await Route(v1, $"{v2}=0.1")).Succeeded();
        var routed = (await aws.RunAsync("lambda", "get-alias", "--function-name", "orders-api", "--name", "LIVE",
            "--query", "RoutingConfig.AdditionalVersionWeights")).Succeeded().Json;
        Assert.Equal(0.1, routed.GetProperty(v2).GetDouble());
        (await Route(v1, string.Empty)).Succeeded();
        var cleared = (await aws.RunAsync("lambda", "get-alias", "--function-name", "orders-api", "--name", "LIVE")).Succeeded().Json;
        Assert.False(cleared.TryGetProperty("RoutingConfig", out _));

        var missingAlias = (await aws.RunAsync("lambda", "get-alias", "--function-name", "orders-api", "--name", "BLUE"))
            .FailedWith("ResourceNotFoundException");
        Assert.Contains("Cannot find alias arn: arn:aws:lambda:us-east-1:123456789012:function:orders-api:BLUE", missingAlias.Stderr, StringComparison.Ordinal);
        var missingFunction = (await aws.RunAsync("lambda", "get-function-configuration", "--function-name", "payments"))
            .FailedWith("ResourceNotFoundException");
        Assert.Contains("Function not found: arn:aws:lambda:us-east-1:123456789012:function:payments", missingFunction.Stderr, StringComparison.Ordinal);
    }
}
