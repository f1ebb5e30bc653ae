using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Sandbox.Lambda;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Lambda;

/// <summary>
/// The seed runbook's `aws lambda` commands, run as written by the AWS CLI v2 against the Sandbox, with
/// what AWS answers at each step — including where the runbook as written fails on AWS.
/// </summary>
public sealed class SeedRunbookLambdaCliTests
{
    private const string SecretArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/orders/db-AbCdEf";

    [AwsCliFact]
    public async Task Runtime_upgrade_and_canary_follow_AWS_including_where_the_runbook_breaks()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var aws = new AwsCli(sandbox);
        var lambda = new LambdaHttp(sandbox);
        await lambda.CreateFunctionAsync("orders-api", runtime: "python3.8", environment: new Dictionary<string, string> { ["SECRET_ARN"] = SecretArn });
        await lambda.CreateFunctionAsync("billing-api", runtime: "python3.9");
        LambdaSandbox.Settle(sandbox);
        var stable = await lambda.PublishAsync("orders-api");
        await lambda.CreateAliasAsync("orders-api", "LIVE", stable);

        // Inventory: which functions use the secret, and which run python3.8.
        var users = (await aws.RunAsync("lambda", "list-functions",
            "--query", $"Functions[?Environment.Variables.SECRET_ARN==`{SecretArn}`]")).Succeeded().Json;
        Assert.Equal(["orders-api"], users.EnumerateArray().Select(f => f.GetProperty("FunctionName").GetString()));
        var table = (await aws.RunAsync("lambda", "list-functions", "--query", "Functions[*].[FunctionName,Runtime,LastModified]", "--output", "table"))
            .Succeeded().Stdout;
        Assert.Contains("billing-api", table, StringComparison.Ordinal);
        Assert.Contains("2025-03-10T09:30:00.000+0000", table, StringComparison.Ordinal);
        var python38 = (await aws.RunAsync("lambda", "list-functions", "--query", "Functions[?Runtime==`python3.8`].[FunctionName,Runtime]", "--output", "table"))
            .Succeeded().Stdout;
        Assert.Contains("orders-api", python38, StringComparison.Ordinal);
        Assert.DoesNotContain("billing-api", python38, StringComparison.Ordinal);

        // Step 6 as written: publish straight after the update. On AWS the update is still in progress.
        var updated = (await aws.RunAsync("lambda", "update-function-configuration", "--function-name", "orders-api", "--runtime", "python3.11"))
            .Succeeded().Json;
        Assert.Equal(("python3.11", "InProgress"), (updated.GetProperty("Runtime").GetString(), updated.GetProperty("LastUpdateStatus").GetString()));
        var tooSoon = (await aws.RunAsync("lambda", "publish-version", "--function-name", "orders-api",
            "--description", "Runtime upgrade to python3.11", "--query", "Version", "--output", "text")).FailedWith("ResourceConflictException");
        Assert.Contains("An update is in progress for resource: arn:aws:lambda:us-east-1:123456789012:function:orders-api", tooSoon.Stderr, StringComparison.Ordinal);

        LambdaSandbox.Settle(sandbox);
        var canary = (await aws.RunAsync("lambda", "publish-version", "--function-name", "orders-api",
            "--description", "Runtime upgrade to python3.11", "--query", "Version", "--output", "text")).Succeeded().Stdout.Trim();
        Assert.Equal("2", canary);

        // Step 7: the current version, then 5% to the new one. The seed's JSON-in-shorthand is refused by the CLI itself.
        var current = (await aws.RunAsync("lambda", "get-alias", "--function-name", "orders-api", "--name", "LIVE",
            "--query", "FunctionVersion", "--output", "text")).Succeeded().Stdout.Trim();
        Assert.Equal(stable, current);
        var seedForm = await aws.RunAsync("lambda", "update-alias", "--function-name", "orders-api", "--name", "LIVE", "--function-version", current,
            "--routing-config", $"AdditionalVersionWeights={{\n       \"{canary}\": 0.05\n     }}");
        Assert.Equal(252, seedForm.ExitCode);
        Assert.Contains("Error parsing parameter '--routing-config'", seedForm.Stderr, StringComparison.Ordinal);
        var shifted = (await aws.RunAsync("lambda", "update-alias", "--function-name", "orders-api", "--name", "LIVE", "--function-version", current,
            "--routing-config", $"AdditionalVersionWeights={{{canary}=0.05}}")).Succeeded().Json;
        Assert.Equal(0.05, shifted.GetProperty("RoutingConfig").GetProperty("AdditionalVersionWeights").GetProperty(canary).GetDouble());

        // Step 9 "complete the migration" without clearing the routing: version 2 would be both primary and routed.
        var promoted = (await aws.RunAsync("lambda", "update-alias", "--function-name", "orders-api", "--name", "LIVE", "--function-version", canary))
            .FailedWith("InvalidParameterValueException");
        Assert.Contains($"Function version {canary} is already included in routing configuration.", promoted.Stderr, StringComparison.Ordinal);
        var done = (await aws.RunAsync("lambda", "update-alias", "--function-name", "orders-api", "--name", "LIVE", "--function-version", canary,
            "--routing-config", "AdditionalVersionWeights={}")).Succeeded().Json;
        Assert.Equal(canary, done.GetProperty("FunctionVersion").GetString());
        Assert.False(done.TryGetProperty("RoutingConfig", out _));
        Assert.Equal([canary], sandbox.Lambda.Find("orders-api")!.Aliases.Select(a => a.FunctionVersion));
    }

    [AwsCliFact]
    public async Task Staging_function_environment_update_and_invocation_work_once_written_as_the_CLI_accepts()
    {
        await using var sandbox = await LambdaSandbox.StartAsync();
        var aws = new AwsCli(sandbox);
        var zip = Path.Combine(Path.GetTempPath(), $"function-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(zip, LambdaSandbox.Zip());
        var payloadFile = Path.Combine(Path.GetTempPath(), $"response-{Guid.NewGuid():N}.json");
        try
        {
            // Step 4 as written: JSON inside shorthand syntax is a CLI parse error before any request is sent.
            var create = new List<string>
            {
                "lambda", "create-function", "--function-name", "orders-api-staging", "--runtime", "python3.11",
                "--role", LambdaSandbox.Role, "--handler", "lambda_function.lambda_handler", "--zip-file", $"fileb://{zip}", "--environment",
            };
            var seedForm = await aws.RunAsync([.. create, "Variables={\n       \"ENVIRONMENT\": \"staging\",\n       \"SECRET_ARN\": \"<staging-secret-arn>\"\n     }"]);
            Assert.Equal(252, seedForm.ExitCode);
            var created = (await aws.RunAsync([.. create, "Variables={ENVIRONMENT=staging,SECRET_ARN=arn:aws:secretsmanager:us-east-1:123456789012:secret:staging-AbCdEf}"]))
                .Succeeded().Json;
            Assert.Equal(("Pending", "Creating"), (created.GetProperty("State").GetString(), created.GetProperty("StateReasonCode").GetString()));
            Assert.Equal(Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(zip))),
                created.GetProperty("CodeSha256").GetString());
            LambdaSandbox.Settle(sandbox);

            var variables = (await aws.RunAsync("lambda", "get-function-configuration", "--function-name", "orders-api-staging",
                "--query", "Environment.Variables")).Succeeded().Json;
            Assert.Equal("staging", variables.GetProperty("ENVIRONMENT").GetString());

            // Environment step 2: `Variables="$(jq -c . new-env-vars.json)"` is JSON in shorthand again; the JSON form works.
            var jqForm = await aws.RunAsync("lambda", "update-function-configuration", "--function-name", "orders-api-staging",
                "--environment", """Variables={"LOG_LEVEL":"INFO"}""");
            Assert.Equal(252, jqForm.ExitCode);
            var replaced = (await aws.RunAsync("lambda", "update-function-configuration", "--function-name", "orders-api-staging",
                "--environment", """{"Variables":{"LOG_LEVEL":"INFO","API_ENDPOINT":"https://api-v2.example.com"}}""")).Succeeded().Json;
            Assert.Equal(["API_ENDPOINT", "LOG_LEVEL"], replaced.GetProperty("Environment").GetProperty("Variables").EnumerateObject().Select(p => p.Name).Order());
            LambdaSandbox.Settle(sandbox);

            var published = (await aws.RunAsync("lambda", "publish-version", "--function-name", "orders-api-staging",
                "--description", "Environment variable update")).Succeeded().Json;
            Assert.Equal(("1", "Environment variable update"), (published.GetProperty("Version").GetString(), published.GetProperty("Description").GetString()));
            LambdaSandbox.Settle(sandbox);
            sandbox.LambdaBehaviors.Set("orders-api-staging", "1", new LambdaBehavior { Payload = """{"statusCode":200}""" });

            var invoked = (await aws.RunAsync("lambda", "invoke", "--function-name", "orders-api-staging:1", "--cli-binary-format", "raw-in-base64-out",
                "--payload", """{"test_type":"environment_validation"}""", payloadFile)).Succeeded().Json;
            Assert.Equal((200, "1"), (invoked.GetProperty("StatusCode").GetInt32(), invoked.GetProperty("ExecutedVersion").GetString()));
            Assert.Equal("""{"statusCode":200}""", await File.ReadAllTextAsync(payloadFile));
        }
        finally
        {
            File.Delete(zip);
            File.Delete(payloadFile);
        }
    }
}
