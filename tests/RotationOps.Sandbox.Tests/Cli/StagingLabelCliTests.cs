using System.Linq;
using System.Threading.Tasks;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Cli;

/// <summary>Staging-label moves and ClientRequestToken idempotency, as the AWS CLI sees them.</summary>
public sealed class StagingLabelCliTests
{
    private const string T1 = "11111111-1111-4111-8111-111111111111";
    private const string T2 = "22222222-2222-4222-8222-222222222222";
    private const string T3 = "33333333-3333-4333-8333-333333333333";
    private const string T4 = "44444444-4444-4444-8444-444444444444";

    [AwsCliFact]
    public async Task Put_values_custom_labels_and_label_moves_follow_the_documented_rules()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var aws = new AwsCli(sandbox);
        (await aws.RunAsync("secretsmanager", "create-secret", "--name", "app/api-key", "--secret-string", "v1", "--client-request-token", T1)).Succeeded();

        var put = (await aws.RunAsync("secretsmanager", "put-secret-value", "--secret-id", "app/api-key",
            "--secret-string", "v2", "--client-request-token", T2)).Succeeded().Json;
        Assert.Equal(T2, put.GetProperty("VersionId").GetString());
        Assert.Equal(["AWSCURRENT"], put.GetProperty("VersionStages").EnumerateArray().Select(e => e.GetString()));

        // The same token with the same value is a harmless retry; with another value it is refused.
        (await aws.RunAsync("secretsmanager", "put-secret-value", "--secret-id", "app/api-key",
            "--secret-string", "v2", "--client-request-token", T2)).Succeeded();
        Assert.Equal(2, sandbox.SecretsManager.Find("app/api-key")!.Versions.Count);
        (await aws.RunAsync("secretsmanager", "put-secret-value", "--secret-id", "app/api-key",
            "--secret-string", "something-else", "--client-request-token", T2)).FailedWith("ResourceExistsException");

        // A label named in VersionStages leaves the version that had it; AWSCURRENT stays put.
        (await aws.RunAsync("secretsmanager", "put-secret-value", "--secret-id", "app/api-key",
            "--secret-string", "v3", "--client-request-token", T3, "--version-stages", "CANARY")).Succeeded();
        (await aws.RunAsync("secretsmanager", "put-secret-value", "--secret-id", "app/api-key",
            "--secret-string", "v4", "--client-request-token", T4, "--version-stages", "CANARY")).Succeeded();
        var secret = sandbox.SecretsManager.Find("app/api-key")!;
        Assert.Equal(T2, secret.VersionIdWithStage("AWSCURRENT"));
        Assert.Equal(T1, secret.VersionIdWithStage("AWSPREVIOUS"));
        Assert.Equal(T4, secret.VersionIdWithStage("CANARY"));
        Assert.Empty(secret.StagesOf(T3));

        // Moving AWSCURRENT needs RemoveFromVersionId naming the version that has it.
        (await aws.RunAsync("secretsmanager", "update-secret-version-stage", "--secret-id", "app/api-key",
            "--version-stage", "AWSCURRENT", "--move-to-version-id", T1)).FailedWith("InvalidParameterException");
        (await aws.RunAsync("secretsmanager", "update-secret-version-stage", "--secret-id", "app/api-key",
            "--version-stage", "AWSCURRENT", "--move-to-version-id", T1, "--remove-from-version-id", T4)).FailedWith("InvalidParameterException");
        (await aws.RunAsync("secretsmanager", "update-secret-version-stage", "--secret-id", "app/api-key",
            "--version-stage", "AWSCURRENT", "--move-to-version-id", T1, "--remove-from-version-id", T2)).Succeeded();

        secret = sandbox.SecretsManager.Find("app/api-key")!;
        Assert.Equal(T1, secret.VersionIdWithStage("AWSCURRENT"));
        Assert.Equal(T2, secret.VersionIdWithStage("AWSPREVIOUS"));
        var previous = (await aws.RunAsync("secretsmanager", "get-secret-value", "--secret-id", "app/api-key",
            "--version-stage", "AWSPREVIOUS")).Succeeded().Json;
        Assert.Equal(T2, previous.GetProperty("VersionId").GetString());
        Assert.True(previous.GetProperty("SecretString").GetString() == "v2", "AWSPREVIOUS should read the value of the version AWSCURRENT left");
    }
}
