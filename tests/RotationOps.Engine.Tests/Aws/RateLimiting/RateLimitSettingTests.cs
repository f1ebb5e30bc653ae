using System;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Tests.Support;

namespace RotationOps.Engine.Tests.Aws.RateLimiting;

/// <summary>ROTATIONOPS_RATE_LIMITS as an operator sets it; in the environment collection, as it changes the process's variables.</summary>
[Collection(AwsEnvironmentCollection.Name)]
public sealed class RateLimitSettingTests
{
    [Fact]
    public async Task An_override_paces_the_clients_made_after_it_is_set()
    {
        using var environment = new AwsEnvironment(("ROTATIONOPS_RATE_LIMITS", "secretsmanager:write=2"));
        var time = new FakeTimeProvider();
        SecretsManagerClient client = TestClients.SecretsManager(new StubHttpHandler(Answer.Ok("{\"ARN\":\"a\",\"Name\":\"db\"}")), time: time);
        var stage = new UpdateSecretVersionStageRequest { SecretId = "db", VersionStage = SecretStages.Current, MoveToVersionId = "v2" };

        // At 2 calls a second the bucket holds one call: the next waits half a second, and so on.
        for (int i = 0; i < 3; i++) await client.UpdateSecretVersionStageAsync(stage, CancellationToken.None);

        Assert.Equal(new[] { TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(0.5) }, time.Waits);
    }

    [Fact]
    public void A_malformed_override_stops_the_client_before_any_call_naming_the_variable()
    {
        using var environment = new AwsEnvironment(("ROTATIONOPS_RATE_LIMITS", "secretsmanager:write=fast"));
        var handler = new StubHttpHandler(Answer.Ok("{}"));

        var error = Assert.Throws<AwsConfigurationException>(() => TestClients.SecretsManager(handler));

        Assert.Equal("ROTATIONOPS_RATE_LIMITS", error.ParameterName);
        Assert.Empty(handler.Requests);
    }
}
