using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Lambda;

/// <summary>Registered rotation functions are Lambda functions, and their resource policy decides whether Secrets Manager may invoke them.</summary>
public sealed class RotationFunctionLambdaTests
{
    [AwsCliFact]
    public async Task A_registered_rotation_function_is_an_active_function_whose_policy_lets_Secrets_Manager_invoke_it()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var aws = new AwsCli(sandbox);
        var arn = sandbox.RotationFunctions.Register("orders-db-rotation", new RotationFunctionBehavior());

        var configuration = (await aws.RunAsync("lambda", "get-function-configuration", "--function-name", arn)).Succeeded().Json;
        Assert.Equal(("Active", "Successful"), (configuration.GetProperty("State").GetString(), configuration.GetProperty("LastUpdateStatus").GetString()));
        var policy = (await aws.RunAsync("lambda", "get-policy", "--function-name", "orders-db-rotation")).Succeeded().Json;
        var statement = JsonDocument.Parse(policy.GetProperty("Policy").GetString()!).RootElement.GetProperty("Statement").EnumerateArray().Single();
        Assert.Equal(("secretsmanager.amazonaws.com", "lambda:InvokeFunction", arn),
            (statement.GetProperty("Principal").GetProperty("Service").GetString(), statement.GetProperty("Action").GetString(), statement.GetProperty("Resource").GetString()));
    }

    [Fact]
    public async Task Adding_and_removing_the_permission_decides_whether_RotateSecret_may_invoke_the_function()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var lambda = new LambdaHttp(sandbox);
        var secrets = new SecretsManagerHttp(sandbox);
        await secrets.CreateSecretAsync("svc/token", "t0");
        var arn = sandbox.RotationFunctions.Register("token-rotation", new RotationFunctionBehavior { AllowSecretsManagerInvoke = false });

        var none = await lambda.FailAsync(HttpMethod.Get, "/token-rotation/policy");
        Assert.Equal((HttpStatusCode.NotFound, "The resource you requested does not exist."), (none.Status, none.Message));
        Assert.Equal("AccessDeniedException", (await secrets.FailAsync("RotateSecret", new { SecretId = "svc/token", RotationLambdaARN = arn, ClientRequestToken = SecretsManagerHttp.NewToken() })).Code);

        var added = await lambda.CallAsync(HttpMethod.Post, "/token-rotation/policy",
            new { StatementId = "secrets-manager", Action = "lambda:InvokeFunction", Principal = "secretsmanager.amazonaws.com" }, HttpStatusCode.Created);
        Assert.Equal("secrets-manager", JsonDocument.Parse(added.GetProperty("Statement").GetString()!).RootElement.GetProperty("Sid").GetString());
        Assert.True(sandbox.RotationFunctions.Find(arn)!.Behavior.AllowSecretsManagerInvoke);
        await secrets.CallAsync("RotateSecret", new { SecretId = "svc/token", RotationLambdaARN = arn, RotateImmediately = false, ClientRequestToken = SecretsManagerHttp.NewToken() });

        var twice = await lambda.FailAsync(HttpMethod.Post, "/token-rotation/policy",
            new { StatementId = "secrets-manager", Action = "lambda:InvokeFunction", Principal = "secretsmanager.amazonaws.com" });
        Assert.Equal(HttpStatusCode.Conflict, twice.Status);
        await lambda.CallAsync(HttpMethod.Delete, "/token-rotation/policy/secrets-manager", expected: HttpStatusCode.NoContent);
        Assert.False(sandbox.RotationFunctions.Find(arn)!.Behavior.AllowSecretsManagerInvoke);
        Assert.Equal("Statement secrets-manager is not found in resource policy.",
            (await lambda.FailAsync(HttpMethod.Delete, "/token-rotation/policy/secrets-manager")).Message);
    }
}
