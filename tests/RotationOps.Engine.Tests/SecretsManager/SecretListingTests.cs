using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Tests.Support;

namespace RotationOps.Engine.Tests.SecretsManager;

/// <summary>ListSecrets and ListSecretVersionIds: one page, AWS's own name filter, metadata only.</summary>
public sealed class SecretListingTests
{
    [Fact]
    public async Task ListSecrets_asks_AWS_for_one_page_filtered_on_the_start_of_the_name()
    {
        var handler = new StubHttpHandler(Answer.Ok("{\"SecretList\":[" +
            "{\"ARN\":\"arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/orders/db-AbCdEf\",\"Name\":\"prod/orders/db\"," +
            "\"Description\":\"Orders database\",\"RotationEnabled\":true,\"LastChangedDate\":1.523477145713E9," +
            "\"SecretVersionsToStages\":{\"v1\":[\"AWSCURRENT\"]},\"Tags\":[{\"Key\":\"team\",\"Value\":\"orders\"}],\"OwningService\":\"x\"}," +
            "{\"Name\":\"prod/orders/cache\"}],\"NextToken\":\"page-2\"}"));

        IReadOnlyList<SecretDescription> secrets = await TestClients.SecretsManager(handler).ListSecretsAsync("prod/orders/", 100, CancellationToken.None);

        CapturedRequest sent = Assert.Single(handler.Requests);
        Assert.Equal("secretsmanager.ListSecrets", sent.Header("X-Amz-Target"));
        Assert.Equal("{\"MaxResults\":100,\"Filters\":[{\"Key\":\"name\",\"Values\":[\"prod/orders/\"]}]}", sent.BodyText);
        Assert.Equal(new[] { "prod/orders/db", "prod/orders/cache" }, secrets.Select(s => s.Name));
        Assert.Equal("Orders database", secrets[0].Description);
        Assert.True(secrets[0].RotationEnabled);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1523477145713), secrets[0].LastChangedDate);
        Assert.Equal(new[] { "AWSCURRENT" }, secrets[0].VersionIdsToStages["v1"]);
        Assert.Equal("orders", secrets[0].Tags["team"]);
    }

    [Fact]
    public async Task ListSecrets_without_a_prefix_sends_no_filter()
    {
        var handler = new StubHttpHandler(Answer.Ok("{\"SecretList\":[]}"));

        IReadOnlyList<SecretDescription> secrets = await TestClients.SecretsManager(handler).ListSecretsAsync("", 25, CancellationToken.None);

        Assert.Empty(secrets);
        Assert.Equal("{\"MaxResults\":25}", Assert.Single(handler.Requests).BodyText);
    }

    [Fact]
    public async Task ListSecretVersionIds_reads_each_version_with_its_labels_and_dates()
    {
        var handler = new StubHttpHandler(Answer.Ok("{\"ARN\":\"arn\",\"Name\":\"prod/orders/db\",\"Versions\":[" +
            "{\"VersionId\":\"v2\",\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1.7E9,\"LastAccessedDate\":1.7001E9,\"KmsKeyIds\":[\"k\"]}," +
            "{\"VersionId\":\"v1\",\"VersionStages\":[\"AWSPREVIOUS\"]}]}"));

        IReadOnlyList<SecretVersionEntry> versions = await TestClients.SecretsManager(handler)
            .ListSecretVersionIdsAsync("prod/orders/db", 100, CancellationToken.None);

        CapturedRequest sent = Assert.Single(handler.Requests);
        Assert.Equal("secretsmanager.ListSecretVersionIds", sent.Header("X-Amz-Target"));
        Assert.Equal("{\"SecretId\":\"prod/orders/db\",\"MaxResults\":100}", sent.BodyText);
        Assert.Equal(new[] { "v2", "v1" }, versions.Select(v => v.VersionId));
        Assert.Equal(new[] { "AWSCURRENT" }, versions[0].VersionStages);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), versions[0].CreatedDate);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700100000), versions[0].LastAccessedDate);
        Assert.Null(versions[1].CreatedDate);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task A_page_size_AWS_would_refuse_is_refused_before_anything_is_sent(int maxResults)
    {
        var handler = new StubHttpHandler(Answer.Ok("{}"));
        var client = TestClients.SecretsManager(handler);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ListSecretsAsync(null, maxResults, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ListSecretVersionIdsAsync("s", maxResults, CancellationToken.None));

        Assert.Empty(handler.Requests);
    }
}
