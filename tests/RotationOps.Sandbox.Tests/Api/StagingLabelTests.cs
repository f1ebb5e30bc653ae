using System;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Api;

/// <summary>Staging-label rules the CLI tests do not reach.</summary>
public sealed class StagingLabelTests
{
    [Fact]
    public async Task The_first_version_always_gets_AWSCURRENT_even_when_other_stages_are_named()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        await client.CallAsync("CreateSecret", new { Name = "labels/first" });
        var put = await client.CallAsync("PutSecretValue", new { SecretId = "labels/first", SecretString = "v", ClientRequestToken = SecretsManagerHttp.NewToken(), VersionStages = new[] { "BLUE" } });
        Assert.Equal(["BLUE", "AWSCURRENT"], put.GetProperty("VersionStages").EnumerateArray().Select(e => e.GetString()));

        var missingToken = await client.FailAsync("PutSecretValue", new { SecretId = "labels/first", SecretString = "w" });
        Assert.Equal("InvalidRequestException", missingToken.Code);
        Assert.Equal("InvalidParameterException", (await client.FailAsync("PutSecretValue", new { SecretId = "labels/first", ClientRequestToken = SecretsManagerHttp.NewToken() })).Code);
    }

    [Fact]
    public async Task Removing_labels_deprecates_versions_and_AWSCURRENT_can_only_be_moved()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        var (_, first) = await client.CreateSecretAsync("labels/remove", "one");
        var second = await client.PutValueAsync("labels/remove", "two", ["GREEN"]);

        var onlyRemoveCurrent = await client.FailAsync("UpdateSecretVersionStage", new { SecretId = "labels/remove", VersionStage = "AWSCURRENT", RemoveFromVersionId = first });
        Assert.Equal("InvalidParameterException", onlyRemoveCurrent.Code);
        var notThere = await client.FailAsync("UpdateSecretVersionStage", new { SecretId = "labels/remove", VersionStage = "GREEN", RemoveFromVersionId = first });
        Assert.Equal("InvalidParameterException", notThere.Code);
        var noTarget = await client.FailAsync("UpdateSecretVersionStage", new { SecretId = "labels/remove", VersionStage = "GREEN" });
        Assert.Equal("InvalidParameterException", noTarget.Code);

        await client.CallAsync("UpdateSecretVersionStage", new { SecretId = "labels/remove", VersionStage = "GREEN", RemoveFromVersionId = second });
        var described = await client.CallAsync("DescribeSecret", new { SecretId = "labels/remove" });
        Assert.Equal([first], described.GetProperty("VersionIdsToStages").EnumerateObject().Select(p => p.Name));
        Assert.Equal("ResourceNotFoundException", (await client.FailAsync("GetSecretValue", new { SecretId = "labels/remove", VersionStage = "GREEN" })).Code);

        // A deprecated version can still be read by id, and labelled again.
        Assert.True(await client.GetValueAsync("labels/remove", versionId: second) == "two", "a deprecated version keeps its value");
        await client.CallAsync("UpdateSecretVersionStage", new { SecretId = "labels/remove", VersionStage = "AWSCURRENT", MoveToVersionId = second, RemoveFromVersionId = first });
        var secret = sandbox.SecretsManager.Find("labels/remove")!;
        Assert.Equal(second, secret.VersionIdWithStage("AWSCURRENT"));
        Assert.Equal(first, secret.VersionIdWithStage("AWSPREVIOUS"));
    }

    [Fact]
    public async Task PutSecretValue_may_fill_the_empty_AWSPENDING_placeholder_RotateSecret_made()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        await client.CreateSecretAsync("labels/pending", "one");
        var slow = sandbox.RotationFunctions.Register("slow", new RotationFunctionBehavior { StepLatency = TimeSpan.FromMinutes(5) });
        var token = SecretsManagerHttp.NewToken();
        await client.CallAsync("RotateSecret", new { SecretId = "labels/pending", RotationLambdaARN = slow, ClientRequestToken = token });
        Assert.Equal("ResourceNotFoundException", (await client.FailAsync("GetSecretValue", new { SecretId = "labels/pending", VersionStage = "AWSPENDING" })).Code);

        var filled = await client.CallAsync("PutSecretValue", new { SecretId = "labels/pending", SecretString = "two", ClientRequestToken = token, VersionStages = new[] { "AWSPENDING" } });
        Assert.Equal(token, filled.GetProperty("VersionId").GetString());
        Assert.True(await client.GetValueAsync("labels/pending", stage: "AWSPENDING") == "two", "the placeholder now holds the value");
        Assert.Equal(2, sandbox.SecretsManager.Find("labels/pending")!.Versions.Count);

        // Once filled, the token is an ordinary version: another value is refused.
        Assert.Equal("ResourceExistsException", (await client.FailAsync("PutSecretValue", new { SecretId = "labels/pending", SecretString = "three", ClientRequestToken = token })).Code);
    }
}
