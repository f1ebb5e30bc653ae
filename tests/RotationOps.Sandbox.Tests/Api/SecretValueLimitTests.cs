using System.Threading.Tasks;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Api;

/// <summary>A secret value is 1 to 65,536 bytes — bytes, so non-ASCII text counts by its UTF-8 length.</summary>
public sealed class SecretValueLimitTests
{
    [Fact]
    public async Task An_empty_SecretString_is_refused_and_no_version_is_made()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        await client.CreateSecretAsync("limits/empty", "v");

        var refused = await client.FailAsync("PutSecretValue", new { SecretId = "limits/empty", SecretString = "", ClientRequestToken = SecretsManagerHttp.NewToken() });

        Assert.Equal("ValidationException", refused.Code);
        Assert.Contains("length greater than or equal to 1", refused.Message);
        var versions = await client.CallAsync("ListSecretVersionIds", new { SecretId = "limits/empty" });
        Assert.Single(versions.GetProperty("Versions").EnumerateArray());
    }

    [Fact]
    public async Task Text_over_65536_bytes_is_refused_even_when_it_is_fewer_characters()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        await client.CreateSecretAsync("limits/large", "v");
        string twoBytesEach = new string('é', 40000);   // 40,000 characters, 80,000 bytes

        var refused = await client.FailAsync("PutSecretValue", new { SecretId = "limits/large", SecretString = twoBytesEach, ClientRequestToken = SecretsManagerHttp.NewToken() });

        Assert.Equal("ValidationException", refused.Code);
        Assert.DoesNotContain("é", refused.Message);
        await client.PutValueAsync("limits/large", new string('x', 65536));   // exactly at the limit
        Assert.Equal(65536, (await client.GetValueAsync("limits/large")).Length);
    }
}
