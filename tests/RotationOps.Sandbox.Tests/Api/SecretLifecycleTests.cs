using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Api;

/// <summary>Secret identity, creation idempotency, deletion windows, tags and ListSecrets.</summary>
public sealed class SecretLifecycleTests
{
    [Fact]
    public async Task A_secret_is_found_by_name_full_ARN_or_partial_ARN()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        var (arn, _) = await client.CreateSecretAsync("team/app/db", "v");

        foreach (var id in new[] { "team/app/db", arn, arn[..^7] })
        {
            var described = await client.CallAsync("DescribeSecret", new { SecretId = id });
            Assert.Equal(arn, described.GetProperty("ARN").GetString());
        }

        Assert.Equal("ResourceNotFoundException", (await client.FailAsync("DescribeSecret", new { SecretId = arn[..^1] + "?" })).Code);
    }

    [Fact]
    public async Task CreateSecret_is_idempotent_for_a_retry_but_refuses_a_second_secret_of_the_same_name()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        var token = SecretsManagerHttp.NewToken();
        var first = await client.CallAsync("CreateSecret", new { Name = "dup", SecretString = "v", ClientRequestToken = token });
        var retry = await client.CallAsync("CreateSecret", new { Name = "dup", SecretString = "v", ClientRequestToken = token });
        Assert.Equal(first.GetProperty("VersionId").GetString(), retry.GetProperty("VersionId").GetString());

        var again = await client.FailAsync("CreateSecret", new { Name = "dup", SecretString = "v", ClientRequestToken = SecretsManagerHttp.NewToken() });
        Assert.Equal(("ResourceExistsException", "The operation failed because the secret dup already exists."), (again.Code, again.Message));

        var noToken = await client.FailAsync("CreateSecret", new { Name = "other", SecretString = "v" });
        Assert.Equal(("InvalidRequestException", "You must provide a ClientRequestToken value. We recommend a UUID-type value."), (noToken.Code, noToken.Message));
        Assert.Equal("ValidationException", (await client.FailAsync("CreateSecret", new { Name = "bad name" })).Code);

        // Without a value there is no version yet, and no token is needed.
        var empty = await client.CallAsync("CreateSecret", new { Name = "empty" });
        Assert.False(empty.TryGetProperty("VersionId", out _));
    }

    [Fact]
    public async Task A_deleted_secret_refuses_reads_and_writes_until_restored_and_vanishes_after_its_window()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        await client.CreateSecretAsync("doomed", "v");

        Assert.Equal("InvalidParameterException", (await client.FailAsync("DeleteSecret", new { SecretId = "doomed", RecoveryWindowInDays = 3 })).Code);
        var deleted = await client.CallAsync("DeleteSecret", new { SecretId = "doomed", RecoveryWindowInDays = 7 });
        Assert.Equal(TestSandbox.Start.AddDays(7).ToUnixTimeSeconds(), deleted.GetProperty("DeletionDate").GetDecimal());

        var read = await client.FailAsync("GetSecretValue", new { SecretId = "doomed" });
        Assert.Equal(("InvalidRequestException", "You can't perform this operation on the secret because it was marked for deletion."), (read.Code, read.Message));
        Assert.Equal("InvalidRequestException", (await client.FailAsync("PutSecretValue", new { SecretId = "doomed", SecretString = "x", ClientRequestToken = SecretsManagerHttp.NewToken() })).Code);
        Assert.True((await client.CallAsync("DescribeSecret", new { SecretId = "doomed" })).TryGetProperty("DeletedDate", out _));
        Assert.Empty((await client.CallAsync("ListSecrets", new { })).GetProperty("SecretList").EnumerateArray());
        Assert.Single((await client.CallAsync("ListSecrets", new { IncludePlannedDeletion = true })).GetProperty("SecretList").EnumerateArray());
        Assert.Equal("InvalidRequestException", (await client.FailAsync("CreateSecret", new { Name = "doomed" })).Code);

        await client.CallAsync("RestoreSecret", new { SecretId = "doomed" });
        Assert.True(await client.GetValueAsync("doomed") == "v", "a restored secret reads its value again");

        await client.CallAsync("DeleteSecret", new { SecretId = "doomed" });
        sandbox.Clock.Advance(TimeSpan.FromDays(29));
        Assert.NotNull(sandbox.SecretsManager.Find("doomed"));
        sandbox.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("ResourceNotFoundException", (await client.FailAsync("DescribeSecret", new { SecretId = "doomed" })).Code);

        await client.CreateSecretAsync("forced", "v");
        Assert.Equal("InvalidParameterException", (await client.FailAsync("DeleteSecret", new { SecretId = "forced", RecoveryWindowInDays = 7, ForceDeleteWithoutRecovery = true })).Code);
        await client.CallAsync("DeleteSecret", new { SecretId = "forced", ForceDeleteWithoutRecovery = true });
        Assert.Null(sandbox.SecretsManager.Find("forced"));
    }

    [Fact]
    public async Task ListSecrets_filters_by_name_description_and_tags_and_pages()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        await client.CallAsync("CreateSecret", new { Name = "prod/orders/db", Description = "Orders database", Tags = new[] { new { Key = "team", Value = "Orders" } } });
        await client.CallAsync("CreateSecret", new { Name = "prod/billing/db", Description = "billing DB credentials", Tags = new[] { new { Key = "team", Value = "billing" } } });
        await client.CallAsync("CreateSecret", new { Name = "Prod/legacy" });
        await client.CallAsync("TagResource", new { SecretId = "Prod/legacy", Tags = new[] { new { Key = "retire", Value = "2026" } } });

        async Task<string[]> Names(object filters) =>
            (await client.CallAsync("ListSecrets", new { Filters = filters })).GetProperty("SecretList").EnumerateArray()
                .Select(s => s.GetProperty("Name").GetString()!).ToArray();

        Assert.Equal(["prod/orders/db", "prod/billing/db"], await Names(new[] { new { Key = "name", Values = new[] { "prod/" } } }));
        Assert.Equal(["prod/orders/db"], await Names(new[] { new { Key = "description", Values = new[] { "orders" } } }));
        Assert.Equal(["prod/billing/db"], await Names(new[] { new { Key = "description", Values = new[] { "credentials" } } }));
        Assert.Equal(["prod/orders/db"], await Names(new[] { new { Key = "tag-value", Values = new[] { "Ord" } } }));
        Assert.Equal(["Prod/legacy"], await Names(new[] { new { Key = "tag-key", Values = new[] { "ret" } } }));
        Assert.Equal(["prod/orders/db", "prod/billing/db", "Prod/legacy"], await Names(new[] { new { Key = "all", Values = new[] { "prod" } } }));
        Assert.Equal(["prod/billing/db", "Prod/legacy"], await Names(new[] { new { Key = "name", Values = new[] { "!prod/orders" } } }));
        Assert.Equal(["prod/billing/db"], await Names(new[]
        {
            new { Key = "name", Values = new[] { "prod/" } },
            new { Key = "tag-value", Values = new[] { "billing" } },
        }));

        var first = await client.CallAsync("ListSecrets", new { MaxResults = 2, SortOrder = "desc" });
        Assert.Equal(["Prod/legacy", "prod/billing/db"], first.GetProperty("SecretList").EnumerateArray().Select(s => s.GetProperty("Name").GetString()));
        var second = await client.CallAsync("ListSecrets", new { MaxResults = 2, SortOrder = "desc", NextToken = first.GetProperty("NextToken").GetString() });
        Assert.Equal(["prod/orders/db"], second.GetProperty("SecretList").EnumerateArray().Select(s => s.GetProperty("Name").GetString()));
        Assert.False(second.TryGetProperty("NextToken", out _));
        Assert.Equal("InvalidNextTokenException", (await client.FailAsync("ListSecrets", new { NextToken = "bm90LWEtdG9rZW4=" })).Code);

        await client.CallAsync("UntagResource", new { SecretId = "Prod/legacy", TagKeys = new[] { "retire" } });
        Assert.Empty(await Names(new[] { new { Key = "tag-key", Values = new[] { "ret" } } }));
    }

    [Fact]
    public async Task GetSecretValue_records_the_access_date_and_selects_versions_by_id_and_stage()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        var (_, first) = await client.CreateSecretAsync("reads", "one");
        var second = await client.PutValueAsync("reads", "two");

        Assert.True(await client.GetValueAsync("reads", versionId: first) == "one", "a VersionId selects that version");
        Assert.True(await client.GetValueAsync("reads", stage: "AWSPREVIOUS", versionId: first) == "one", "a matching stage and id agree");
        var mismatch = await client.FailAsync("GetSecretValue", new { SecretId = "reads", VersionId = second, VersionStage = "AWSPREVIOUS" });
        Assert.Equal(("ResourceNotFoundException", "You provided a VersionStage that is not associated to the provided VersionId."), (mismatch.Code, mismatch.Message));

        var described = await client.CallAsync("DescribeSecret", new { SecretId = "reads" });
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), described.GetProperty("LastAccessedDate").GetDecimal());

        var binary = await client.CallAsync("CreateSecret", new { Name = "blob", SecretBinary = Convert.ToBase64String([1, 2, 3]), ClientRequestToken = SecretsManagerHttp.NewToken() });
        var read = await client.CallAsync("GetSecretValue", new { SecretId = binary.GetProperty("ARN").GetString() });
        Assert.True(read.GetProperty("SecretBinary").GetBytesFromBase64().SequenceEqual(new byte[] { 1, 2, 3 }), "SecretBinary round-trips as base64");
        Assert.False(read.TryGetProperty("SecretString", out _));
    }
}
