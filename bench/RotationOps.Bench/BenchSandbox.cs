using System;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.CloudWatch;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Stores;
using RotationOps.Engine.Lambda;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Security;
using RotationOps.Sandbox;

namespace RotationOps.Bench;

/// <summary>
/// One measurement's world: an in-process Sandbox on an auto-advancing clock, the engine's real
/// clients talking HTTP to it, a journal in a scratch folder, and the bench host. A fresh one per
/// measurement keeps one's traffic streams and journal out of another's figures.
/// </summary>
internal sealed class BenchSandbox : IAsyncDisposable
{
    private readonly SensitiveValue secretAccessKey;
    private readonly ScratchDirectory journalDirectory = new();

    private BenchSandbox(SandboxServer sandbox)
    {
        Sandbox = sandbox;
        secretAccessKey = SensitiveValue.FromString(sandbox.SecretAccessKey);
        var connection = new AwsConnectionOptions
        {
            EndpointUrl = sandbox.Endpoint,
            Region = sandbox.Region,
            AccessKeyId = sandbox.AccessKeyId,
            SecretAccessKey = secretAccessKey,
        };
        Lambda = LambdaClient.Create(connection, sandbox.Clock, null);
        CloudWatch = CloudWatchClient.Create(connection, sandbox.Clock, null);
        SecretsManager = SecretsManagerClient.Create(connection, sandbox.Clock, null);
        Journal = new DeploymentJournal(new FileJournalStore(journalDirectory.Path), sandbox.Clock);
        Host = new BenchHost(sandbox.Clock);
    }

    public SandboxServer Sandbox { get; }

    public ILambdaClient Lambda { get; }

    public ICloudWatchClient CloudWatch { get; }

    public ISecretsManagerClient SecretsManager { get; }

    public DeploymentJournal Journal { get; }

    public BenchHost Host { get; }

    public static async Task<BenchSandbox> StartAsync()
    {
        // AWS's quotas are per account; a fleet run in one account would spend its time throttled,
        // and throttling is not what is measured here.
        var options = new SandboxOptions();
        options.Lambda.ControlPlanePerSecond = 1_000_000;
        options.CloudWatch.GetMetricDataPerSecond = 1_000_000;
        options.SecretsManagerQuotas.RotationsPerSecond = 1_000_000;
        var sandbox = await SandboxServer.StartAsync(options);

        // A discrete-event clock: a 30-minute bake is a jump, not a wait.
        sandbox.Clock.AutoAdvance = true;
        return new BenchSandbox(sandbox);
    }

    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        secretAccessKey.Dispose();
        journalDirectory.Dispose();
    }
}
