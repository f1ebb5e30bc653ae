using System;
using RotationOps.Sandbox.Downstream;
using RotationOps.Sandbox.Hosting;
using RotationOps.Sandbox.Lambda.Invocation;
using RotationOps.Sandbox.Metrics;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Sandbox.SecretsManager.Operations;
using RotationOps.Sandbox.SecretsManager.Rotation;

namespace RotationOps.Sandbox.SecretsManager;

/// <summary>Wires Secrets Manager's state, rotation machinery and operations together.</summary>
internal sealed class SecretsManagerService
{
    public SecretsManagerService(
        string region,
        string accountId,
        TimeProvider clock,
        SecretsManagerQuotaOptions quotas,
        RotationFunctionRegistry functions,
        DownstreamCredentialStore downstream,
        IMetricSink metrics)
    {
        var store = new SecretStore(region, accountId);
        Store = store;
        var rotations = new RotationProcessor(store, functions, new NativeRotationFunction(downstream), new LambdaMetrics(metrics));
        Inspector = new SecretsManagerInspector(store, rotations, clock);
        Endpoint = new SecretsManagerEndpoint(store, rotations, new SecretsManagerQuotas(quotas, clock), clock,
        [
            new CreateSecretOperation(store),
            new DescribeSecretOperation(store),
            new GetSecretValueOperation(store),
            new PutSecretValueOperation(store),
            new UpdateSecretOperation(store),
            new UpdateSecretVersionStageOperation(store),
            new RotateSecretOperation(store, functions, rotations),
            new CancelRotateSecretOperation(store, rotations),
            new ListSecretVersionIdsOperation(store),
            new ListSecretsOperation(store, region),
            new GetRandomPasswordOperation(),
            new DeleteSecretOperation(store),
            new RestoreSecretOperation(store),
            new TagResourceOperation(store),
            new UntagResourceOperation(store),
        ]);
    }

    /// <summary>The secrets themselves, for seeding a Sandbox without going through the API.</summary>
    public SecretStore Store { get; }

    public IServiceEndpoint Endpoint { get; }

    public SecretsManagerInspector Inspector { get; }
}
