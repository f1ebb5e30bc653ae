using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Lambda;

/// <summary>DeleteFunction: whole functions, single versions, the aliases that protect a version, and rotation functions.</summary>
public sealed class DeleteFunctionTests
{
    [AwsCliFact]
    public async Task Delete_function_removes_versions_no_alias_references_and_whole_functions_through_the_CLI()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var aws = new AwsCli(sandbox);
        var lambda = new LambdaHttp(sandbox);
        await lambda.CreateFunctionAsync("orders-api");
        LambdaSandbox.Settle(sandbox);
        var versions = new List<string>();
        foreach (var description in new[] { "v1", "v2", "v3" })
        {
            await lambda.UpdateConfigurationAsync("orders-api", new { Description = description });
            LambdaSandbox.Settle(sandbox);
            versions.Add(await lambda.PublishAsync("orders-api"));
        }

        await lambda.CreateAliasAsync("orders-api", "LIVE", versions[0]);
        await lambda.CreateAliasAsync("orders-api", "BLUE", versions[0], new Dictionary<string, double> { [versions[1]] = 0.1 });
        await lambda.CallAsync(HttpMethod.Post, "/orders-api/policy",
            new { StatementId = "api-gateway", Action = "lambda:InvokeFunction", Principal = "apigateway.amazonaws.com" }, HttpStatusCode.Created);

        Task<CliResult> Delete(params string[] qualifier) =>
            aws.RunAsync(["lambda", "delete-function", "--function-name", "orders-api", .. qualifier]);

        // A version an alias points at, or routes a share to, stays; the message lists every such alias.
        var pointedAt = (await Delete("--qualifier", versions[0])).FailedWith("ResourceConflictException");
        Assert.Contains("Unable to delete version because the following aliases reference it: [BLUE, LIVE]", pointedAt.Stderr, StringComparison.Ordinal);
        var routedTo = (await Delete("--qualifier", versions[1])).FailedWith("ResourceConflictException");
        Assert.Contains("Unable to delete version because the following aliases reference it: [BLUE]", routedTo.Stderr, StringComparison.Ordinal);
        var latest = (await Delete("--qualifier", "$LATEST")).FailedWith("InvalidParameterValueException");
        Assert.Contains("$LATEST version cannot be deleted without deleting the function.", latest.Stderr, StringComparison.Ordinal);
        var alias = (await Delete("--qualifier", "LIVE")).FailedWith("InvalidParameterValueException");
        Assert.Contains("Deletion of aliases is not currently supported.", alias.Stderr, StringComparison.Ordinal);

        // An unreferenced version goes alone; deleting it again changes nothing and still succeeds, as on AWS.
        (await Delete("--qualifier", versions[2])).Succeeded();
        (await Delete("--qualifier", versions[2])).Succeeded();
        var listed = (await aws.RunAsync("lambda", "list-versions-by-function", "--function-name", "orders-api")).Succeeded().Json;
        Assert.Equal(["$LATEST", versions[0], versions[1]], listed.GetProperty("Versions").EnumerateArray().Select(v => v.GetProperty("Version").GetString()));
        await lambda.UpdateConfigurationAsync("orders-api", new { Description = "v4" });
        LambdaSandbox.Settle(sandbox);
        Assert.Equal("4", await lambda.PublishAsync("orders-api"));

        // Unqualified, the function goes with its versions, aliases and policy, whatever references what.
        (await Delete()).Succeeded();
        var gone = (await aws.RunAsync("lambda", "get-function", "--function-name", "orders-api")).FailedWith("ResourceNotFoundException");
        Assert.Contains("Function not found: arn:aws:lambda:us-east-1:123456789012:function:orders-api", gone.Stderr, StringComparison.Ordinal);
        var again = (await Delete("--qualifier", "1")).FailedWith("ResourceNotFoundException");
        Assert.Contains("Function not found: arn:aws:lambda:us-east-1:123456789012:function:orders-api", again.Stderr, StringComparison.Ordinal);
        Assert.Null(sandbox.Lambda.Find("orders-api"));

        await lambda.CreateFunctionAsync("orders-api");
        (await aws.RunAsync("lambda", "get-policy", "--function-name", "orders-api")).FailedWith("ResourceNotFoundException");
        var aliases = (await aws.RunAsync("lambda", "list-aliases", "--function-name", "orders-api")).Succeeded().Json;
        Assert.Empty(aliases.GetProperty("Aliases").EnumerateArray());
    }

    [Fact]
    public async Task A_deleted_rotation_function_can_no_longer_be_invoked_by_Secrets_Manager()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var lambda = new LambdaHttp(sandbox);
        var secrets = new SecretsManagerHttp(sandbox);
        await secrets.CreateSecretAsync("svc/token", "t0");
        await secrets.CreateSecretAsync("svc/other", "o0");
        var behavior = new RotationFunctionBehavior { StepLatency = TimeSpan.FromSeconds(10) };
        var arn = sandbox.RotationFunctions.Register("token-rotation", behavior);
        var token = SecretsManagerHttp.NewToken();
        await secrets.CallAsync("RotateSecret", new { SecretId = "svc/token", RotationLambdaARN = arn, ClientRequestToken = token });

        await lambda.CallAsync(HttpMethod.Delete, "/token-rotation", expected: HttpStatusCode.NoContent);

        Assert.Null(sandbox.RotationFunctions.Find(arn));
        Assert.DoesNotContain(sandbox.RotationFunctions.All, f => f.Name == "token-rotation");

        // The rotation already under way fails at its next step, leaving AWSPENDING where it was.
        sandbox.Clock.Advance(TimeSpan.FromSeconds(10));
        var secret = sandbox.SecretsManager.Find("svc/token")!;
        Assert.Equal(["RotationStarted", "RotationFailed"], secret.RotationEvents.Select(e => e.Name));
        Assert.Contains("Secrets Manager cannot invoke the specified Lambda function", secret.RotationEvents[^1].Detail, StringComparison.Ordinal);
        Assert.Equal(token, secret.VersionIdWithStage("AWSPENDING"));

        // A new rotation is refused up front, as AWS refuses a function it cannot invoke.
        var refused = await secrets.FailAsync("RotateSecret", new { SecretId = "svc/other", RotationLambdaARN = arn, ClientRequestToken = SecretsManagerHttp.NewToken() });
        Assert.Equal("AccessDeniedException", refused.Code);

        // Registering the name again deploys it again, for Lambda and Secrets Manager alike.
        sandbox.RotationFunctions.Register("token-rotation", behavior);
        await lambda.CallAsync(HttpMethod.Get, "/token-rotation/configuration");
        await secrets.CallAsync("RotateSecret", new { SecretId = "svc/other", RotationLambdaARN = arn, ClientRequestToken = SecretsManagerHttp.NewToken() });
    }
}
