using System;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Cli;

/// <summary>RotateSecret's refusals, a failed asynchronous rotation and its clean-up, through the AWS CLI.</summary>
public sealed class RotationCliTests
{
    [AwsCliFact]
    public async Task Rotation_refusals_use_AWS_codes_and_texts()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var aws = new AwsCli(sandbox);
        (await aws.RunAsync("secretsmanager", "create-secret", "--name", "svc/token", "--secret-string", "t0")).Succeeded();

        var noFunction = (await aws.RunAsync("secretsmanager", "rotate-secret", "--secret-id", "svc/token"))
            .FailedWith("InvalidRequestException");
        Assert.Contains("No Lambda rotation function ARN is associated with this secret.", noFunction.Stderr, StringComparison.Ordinal);

        var missing = (await aws.RunAsync("secretsmanager", "rotate-secret", "--secret-id", "svc/token",
            "--rotation-lambda-arn", TestSandbox.LambdaArn(sandbox, "not-deployed"))).FailedWith("AccessDeniedException");
        Assert.Contains("Secrets Manager cannot invoke the specified Lambda function.", missing.Stderr, StringComparison.Ordinal);

        var function = sandbox.RotationFunctions.Register("token-rotation", new RotationFunctionBehavior());
        var tooOften = (await aws.RunAsync("secretsmanager", "rotate-secret", "--secret-id", "svc/token",
            "--rotation-lambda-arn", function, "--rotation-rules", """{"ScheduleExpression":"rate(1 hours)"}""")).FailedWith("InvalidParameterException");
        Assert.Contains("at most every four hours", tooOften.Stderr, StringComparison.Ordinal);
        (await aws.RunAsync("secretsmanager", "rotate-secret", "--secret-id", "svc/token", "--rotation-lambda-arn", function,
            "--rotation-rules", """{"AutomaticallyAfterDays":30,"ScheduleExpression":"rate(10 days)"}""")).FailedWith("InvalidParameterException");

        // None of the refusals configured anything.
        var described = (await aws.RunAsync("secretsmanager", "describe-secret", "--secret-id", "svc/token")).Succeeded().Json;
        Assert.False(described.TryGetProperty("RotationEnabled", out _));
        Assert.Single(described.GetProperty("VersionIdsToStages").EnumerateObject());
    }

    [AwsCliFact]
    public async Task A_failed_rotation_blocks_the_next_until_cancelled_and_AWSPENDING_removed()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var aws = new AwsCli(sandbox);
        var current = (await aws.RunAsync("secretsmanager", "create-secret", "--name", "svc/db", "--secret-string", "p0")).Succeeded()
            .Json.GetProperty("VersionId").GetString()!;
        var failing = sandbox.RotationFunctions.Register("db-rotation", new RotationFunctionBehavior { FailAtStep = RotationStep.TestSecret });

        // The caller of RotateSecret never sees the step failure.
        var token = (await aws.RunAsync("secretsmanager", "rotate-secret", "--secret-id", "svc/db", "--rotation-lambda-arn", failing))
            .Succeeded().Json.GetProperty("VersionId").GetString()!;

        var blocked = (await aws.RunAsync("secretsmanager", "rotate-secret", "--secret-id", "svc/db")).FailedWith("InvalidRequestException");
        Assert.Contains("A previous rotation isn't complete. That rotation will be reattempted.", blocked.Stderr, StringComparison.Ordinal);
        var pending = (await aws.RunAsync("secretsmanager", "get-secret-value", "--secret-id", "svc/db", "--version-stage", "AWSPENDING"))
            .Succeeded().Json;
        Assert.Equal(token, pending.GetProperty("VersionId").GetString());
        var current1 = (await aws.RunAsync("secretsmanager", "get-secret-value", "--secret-id", "svc/db")).Succeeded().Json;
        Assert.Equal(current, current1.GetProperty("VersionId").GetString());

        // CancelRotateSecret turns rotation off, leaves the labels, and names the half-made version.
        var cancelled = (await aws.RunAsync("secretsmanager", "cancel-rotate-secret", "--secret-id", "svc/db")).Succeeded().Json;
        Assert.Equal(token, cancelled.GetProperty("VersionId").GetString());
        var described = (await aws.RunAsync("secretsmanager", "describe-secret", "--secret-id", "svc/db")).Succeeded().Json;
        Assert.False(described.GetProperty("RotationEnabled").GetBoolean());
        Assert.False(described.TryGetProperty("NextRotationDate", out _));
        Assert.False(described.TryGetProperty("LastRotatedDate", out _));
        Assert.Equal(["AWSPENDING"], described.GetProperty("VersionIdsToStages").GetProperty(token).EnumerateArray().Select(e => e.GetString()));

        // Only removing AWSPENDING unblocks the next rotation, which (fixed function, same ARN) reuses the stored configuration.
        (await aws.RunAsync("secretsmanager", "update-secret-version-stage", "--secret-id", "svc/db",
            "--version-stage", "AWSPENDING", "--remove-from-version-id", token)).Succeeded();
        sandbox.RotationFunctions.Register("db-rotation", new RotationFunctionBehavior());
        var next = (await aws.RunAsync("secretsmanager", "rotate-secret", "--secret-id", "svc/db"))
            .Succeeded().Json.GetProperty("VersionId").GetString()!;
        var after = sandbox.SecretsManager.Find("svc/db")!;
        Assert.Equal(next, after.VersionIdWithStage("AWSCURRENT"));
        Assert.Equal(current, after.VersionIdWithStage("AWSPREVIOUS"));
        Assert.Null(after.VersionIdWithStage("AWSPENDING"));
    }

    [AwsCliFact]
    public async Task The_empty_AWSPENDING_placeholder_cannot_be_read()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var aws = new AwsCli(sandbox);
        (await aws.RunAsync("secretsmanager", "create-secret", "--name", "svc/cache", "--secret-string", "c0")).Succeeded();
        var function = sandbox.RotationFunctions.Register("cache-rotation", new RotationFunctionBehavior { FailAtStep = RotationStep.CreateSecret });
        var token = (await aws.RunAsync("secretsmanager", "rotate-secret", "--secret-id", "svc/cache", "--rotation-lambda-arn", function))
            .Succeeded().Json.GetProperty("VersionId").GetString()!;

        var byStage = (await aws.RunAsync("secretsmanager", "get-secret-value", "--secret-id", "svc/cache", "--version-stage", "AWSPENDING"))
            .FailedWith("ResourceNotFoundException");
        Assert.Contains("Secrets Manager can't find the specified secret value for staging label: AWSPENDING", byStage.Stderr, StringComparison.Ordinal);
        (await aws.RunAsync("secretsmanager", "get-secret-value", "--secret-id", "svc/cache", "--version-id", token))
            .FailedWith("ResourceNotFoundException");
    }

    [AwsCliFact]
    public async Task Get_random_password_honours_length_and_character_options()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var aws = new AwsCli(sandbox);

        var standard = (await aws.RunAsync("secretsmanager", "get-random-password")).Succeeded().Json.GetProperty("RandomPassword").GetString()!;
        Assert.True(standard.Length == 32, "the default length is 32");
        Assert.True(standard.Any(char.IsAsciiLetterLower) && standard.Any(char.IsAsciiLetterUpper) && standard.Any(char.IsAsciiDigit)
            && standard.Any(c => !char.IsAsciiLetterOrDigit(c)), "every character type must be present");

        var plain = (await aws.RunAsync("secretsmanager", "get-random-password", "--password-length", "20", "--exclude-punctuation",
            "--exclude-characters", "abc")).Succeeded().Json.GetProperty("RandomPassword").GetString()!;
        Assert.True(plain.Length == 20, "the requested length is 20");
        Assert.True(plain.All(char.IsAsciiLetterOrDigit), "punctuation was excluded");
        Assert.True(!plain.Any(c => c is 'a' or 'b' or 'c'), "excluded characters must not appear");
    }
}
