using System;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Sandbox.Faults;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Cli;

/// <summary>Signature checks, injected faults the CLI retries through, and scheduled rotation, through the AWS CLI.</summary>
public sealed class TransportCliTests
{
    [AwsCliFact]
    public async Task A_wrong_secret_key_or_an_unknown_access_key_is_refused_with_AWS_errors()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var badSignature = (await new AwsCli(sandbox, secretAccessKey: "not-the-sandbox-secret-key-0000000000000")
            .RunAsync("secretsmanager", "list-secrets")).FailedWith("InvalidSignatureException");
        Assert.Contains("The request signature we calculated does not match the signature you provided.", badSignature.Stderr, StringComparison.Ordinal);

        var unknownKey = (await new AwsCli(sandbox, accessKeyId: "AKIDNOTKNOWN00000000").RunAsync("secretsmanager", "list-secrets"))
            .FailedWith("UnrecognizedClientException");
        Assert.Contains("The security token included in the request is invalid.", unknownKey.Stderr, StringComparison.Ordinal);
    }

    [AwsCliFact]
    public async Task The_CLI_retries_through_injected_throttling_and_server_errors()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var aws = new AwsCli(sandbox);
        (await aws.RunAsync("secretsmanager", "create-secret", "--name", "svc/retry", "--secret-string", "r0")).Succeeded();
        var throttle = sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "GetSecretValue", Kind = FaultKind.Throttle, Count = 1 });
        var serverError = sandbox.Faults.Add(new FaultRule { Service = "secretsmanager", Operation = "DescribeSecret", Kind = FaultKind.ServerError, Count = 1 });

        (await aws.RunAsync("secretsmanager", "get-secret-value", "--secret-id", "svc/retry")).Succeeded();
        (await aws.RunAsync("secretsmanager", "describe-secret", "--secret-id", "svc/retry")).Succeeded();

        Assert.Equal(1, sandbox.Faults.Rules.Single(r => r.Id == throttle).Hits);
        Assert.Equal(1, sandbox.Faults.Rules.Single(r => r.Id == serverError).Hits);
    }

    [AwsCliFact]
    public async Task A_scheduled_rotation_runs_when_the_clock_passes_NextRotationDate()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var aws = new AwsCli(sandbox);
        (await aws.RunAsync("secretsmanager", "create-secret", "--name", "svc/scheduled", "--secret-string", "s0")).Succeeded();
        var function = sandbox.RotationFunctions.Register("scheduled-rotation", new RotationFunctionBehavior());
        (await aws.RunAsync("secretsmanager", "rotate-secret", "--secret-id", "svc/scheduled", "--rotation-lambda-arn", function,
            "--rotation-rules", "AutomaticallyAfterDays=7", "--no-rotate-immediately")).Succeeded();

        var before = (await aws.RunAsync("secretsmanager", "describe-secret", "--secret-id", "svc/scheduled")).Succeeded().Json;
        var next = DateTimeOffset.Parse(before.GetProperty("NextRotationDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new DateTimeOffset(2025, 3, 17, 23, 59, 59, TimeSpan.Zero), next);
        Assert.False(before.TryGetProperty("LastRotatedDate", out _));
        Assert.Single(before.GetProperty("VersionIdsToStages").EnumerateObject());

        sandbox.Clock.Advance(next - sandbox.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));

        var after = (await aws.RunAsync("secretsmanager", "describe-secret", "--secret-id", "svc/scheduled")).Succeeded().Json;
        var stages = after.GetProperty("VersionIdsToStages").EnumerateObject().Select(p => p.Value[0].GetString()).Order().ToList();
        Assert.Equal(["AWSCURRENT", "AWSPREVIOUS"], stages);
        Assert.Equal(new DateTimeOffset(2025, 3, 17, 0, 0, 0, TimeSpan.Zero),
            DateTimeOffset.Parse(after.GetProperty("LastRotatedDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new DateTimeOffset(2025, 3, 24, 23, 59, 59, TimeSpan.Zero),
            DateTimeOffset.Parse(after.GetProperty("NextRotationDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
