using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Sandbox.SecretsManager;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Api;

/// <summary>The version quota: about 100 deprecated versions kept, none younger than a day deleted.</summary>
public sealed class VersionQuotaTests
{
    private static readonly SecretsManagerQuotaOptions Unthrottled = new() { WritesPerSecond = 100_000 };

    [Fact]
    public async Task Only_the_oldest_deprecated_versions_beyond_100_that_are_a_day_old_are_deleted()
    {
        await using var sandbox = await TestSandbox.StartAsync(Unthrottled);
        var client = new SecretsManagerHttp(sandbox);
        var (_, first) = await client.CreateSecretAsync("quota/cap", "v0");
        var versions = new List<string> { first };
        for (var i = 1; i < 120; i++)
        {
            sandbox.Clock.Advance(TimeSpan.FromMinutes(15));
            versions.Add(await client.PutValueAsync("quota/cap", $"v{i}"));
        }

        // 118 deprecated versions; the 24 created more than a day ago may go, and 18 of them must.
        var kept = sandbox.SecretsManager.Find("quota/cap")!.Versions;
        Assert.Equal(100, kept.Count(v => v.IsDeprecated));
        Assert.Equal(versions.Skip(18), kept.Select(v => v.VersionId));

        var listed = new List<string>();
        string? next = null;
        do
        {
            var page = await client.CallAsync("ListSecretVersionIds", new { SecretId = "quota/cap", IncludeDeprecated = true, MaxResults = 100, NextToken = next });
            listed.AddRange(page.GetProperty("Versions").EnumerateArray().Select(v => v.GetProperty("VersionId").GetString()!));
            next = page.TryGetProperty("NextToken", out var token) ? token.GetString() : null;
        }
        while (next is not null);

        Assert.Equal(versions.Skip(18).Reverse(), listed);
        var labelledOnly = await client.CallAsync("ListSecretVersionIds", new { SecretId = "quota/cap" });
        Assert.Equal(2, labelledOnly.GetProperty("Versions").GetArrayLength());
    }

    [Fact]
    public async Task Writing_faster_than_the_quota_allows_fails_with_LimitExceededException()
    {
        await using var sandbox = await TestSandbox.StartAsync(Unthrottled);
        var client = new SecretsManagerHttp(sandbox);
        await client.CreateSecretAsync("quota/burst", "v0");
        for (var i = 1; i < 102; i++)
        {
            await client.PutValueAsync("quota/burst", $"v{i}");
        }

        var refused = await client.FailAsync("PutSecretValue", new { SecretId = "quota/burst", SecretString = "one too many", ClientRequestToken = SecretsManagerHttp.NewToken() });
        Assert.Equal("LimitExceededException", refused.Code);

        // A day later the oldest versions may be deleted and writes succeed again.
        sandbox.Clock.Advance(TimeSpan.FromHours(24));
        await client.PutValueAsync("quota/burst", "later");
    }
}
