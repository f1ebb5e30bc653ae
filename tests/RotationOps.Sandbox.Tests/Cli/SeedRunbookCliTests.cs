using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Cli;

/// <summary>
/// The seed runbook's `aws secretsmanager` commands, run as written by the AWS CLI v2 against the
/// Sandbox, with the results AWS documents for each step.
/// </summary>
public sealed class SeedRunbookCliTests
{
    [AwsCliFact]
    public async Task Runbook_rotation_monitoring_and_manual_update_behave_as_on_AWS()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var aws = new AwsCli(sandbox);
        var lambdaArn = sandbox.RotationFunctions.Register("orders-db-rotation", new RotationFunctionBehavior
        {
            Strategy = RotationStrategy.RotateJsonKey("password"),
            StepLatency = TimeSpan.FromSeconds(20),
        });

        var created = (await aws.RunAsync("secretsmanager", "create-secret", "--name", "prod/orders/db",
            "--secret-string", """{"username":"user","password":"initial-password"}""")).Succeeded().Json;
        var arn = created.GetProperty("ARN").GetString()!;
        var firstVersion = created.GetProperty("VersionId").GetString()!;
        Assert.Matches("^arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/orders/db-[A-Za-z0-9]{6}$", arn);

        // Step 3: enable rotation. RotateSecret answers at once with the new version's id...
        var rotated = (await aws.RunAsync("secretsmanager", "rotate-secret", "--secret-id", arn,
            "--rotation-lambda-arn", lambdaArn, "--rotation-rules", "AutomaticallyAfterDays=30")).Succeeded().Json;
        var token = rotated.GetProperty("VersionId").GetString()!;

        // ...while the function's steps are still running: the new version is only AWSPENDING.
        var during = (await aws.RunAsync("secretsmanager", "describe-secret", "--secret-id", arn)).Succeeded().Json;
        var stages = during.GetProperty("VersionIdsToStages");
        Assert.Equal(["AWSPENDING"], stages.GetProperty(token).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["AWSCURRENT"], stages.GetProperty(firstVersion).EnumerateArray().Select(e => e.GetString()));

        sandbox.Clock.Advance(TimeSpan.FromMinutes(2));

        // Step 4: the seed's --query is not valid JMESPath, and the CLI itself rejects it (exit 252).
        var seedQuery = await aws.RunAsync("secretsmanager", "describe-secret", "--secret-id", arn,
            "--query", "RotationEnabled,RotationLambdaARN,RotationRules");
        Assert.Equal(252, seedQuery.ExitCode);
        Assert.Contains("Bad value for --query", seedQuery.Stderr, StringComparison.Ordinal);

        var status = (await aws.RunAsync("secretsmanager", "describe-secret", "--secret-id", arn,
            "--query", "[RotationEnabled,RotationLambdaARN,RotationRules]")).Succeeded().Json;
        Assert.True(status[0].GetBoolean());
        Assert.Equal(lambdaArn, status[1].GetString());
        Assert.Equal(30, status[2].GetProperty("AutomaticallyAfterDays").GetInt32());

        // Rotation history: the rotated version is AWSCURRENT, the first one AWSPREVIOUS.
        var history = (await aws.RunAsync("secretsmanager", "list-secret-version-ids", "--secret-id", arn)).Succeeded().Json;
        var versions = history.GetProperty("Versions").EnumerateArray()
            .ToDictionary(v => v.GetProperty("VersionId").GetString()!, v => v.GetProperty("VersionStages").EnumerateArray().Select(s => s.GetString()).ToList());
        Assert.Equal(["AWSCURRENT"], versions[token]);
        Assert.Equal(["AWSPREVIOUS"], versions[firstVersion]);

        var value = (await aws.RunAsync("secretsmanager", "get-secret-value", "--secret-id", arn)).Succeeded().Json;
        Assert.Equal(token, value.GetProperty("VersionId").GetString());
        var json = JsonDocument.Parse(value.GetProperty("SecretString").GetString()!).RootElement;
        Assert.True(json.GetProperty("username").GetString() == "user", "the rotation must keep the other JSON keys");
        Assert.True(json.GetProperty("password").GetString() != "initial-password", "the password key was not rotated");

        // Step 5: a manual update makes a new AWSCURRENT; the oldest version is now deprecated.
        var updated = (await aws.RunAsync("secretsmanager", "update-secret", "--secret-id", arn,
            "--secret-string", """{"username":"user","password":"new-password"}""")).Succeeded().Json;
        var manualVersion = updated.GetProperty("VersionId").GetString()!;
        var afterUpdate = (await aws.RunAsync("secretsmanager", "list-secret-version-ids", "--secret-id", arn)).Succeeded().Json;
        Assert.Equal([manualVersion, token], afterUpdate.GetProperty("Versions").EnumerateArray().Select(v => v.GetProperty("VersionId").GetString()));
        var withDeprecated = (await aws.RunAsync("secretsmanager", "list-secret-version-ids", "--secret-id", arn, "--include-deprecated")).Succeeded().Json;
        var deprecated = withDeprecated.GetProperty("Versions").EnumerateArray().Single(v => v.GetProperty("VersionId").GetString() == firstVersion);
        Assert.False(deprecated.TryGetProperty("VersionStages", out _));

        var snapshot = sandbox.SecretsManager.Find(arn)!;
        Assert.Equal(TestSandbox.Start.AddSeconds(80), snapshot.LastRotatedDate);
    }
}
