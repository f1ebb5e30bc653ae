using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Canary;
using RotationOps.Engine.CloudWatch;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Stores;
using RotationOps.Engine.Lambda;
using RotationOps.Engine.Rotation;
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
    private static readonly HttpClient ControlClient = new();

    private readonly SensitiveValue secretAccessKey;
    private readonly ScratchDirectory journalDirectory = new();

    private BenchSandbox(SandboxServer sandbox, ServiceCallCounts calls)
    {
        Sandbox = sandbox;
        Calls = calls;
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

    /// <summary>Every AWS call the Sandbox served, by operation.</summary>
    public ServiceCallCounts Calls { get; }

    public ILambdaClient Lambda { get; }

    public ICloudWatchClient CloudWatch { get; }

    public ISecretsManagerClient SecretsManager { get; }

    public DeploymentJournal Journal { get; }

    public BenchHost Host { get; }

    /// <summary>Publish-LambdaCanary's engine on this Sandbox, as the cmdlet builds it.</summary>
    public CanaryPublisher Publisher() => new(Lambda, Journal, Host);

    /// <summary>Set-AliasWeight's engine on this Sandbox, as the cmdlet builds it.</summary>
    public TrafficShifter Shifter() => new(Lambda, CloudWatch, new SecretRotationRunner(SecretsManager, Journal, Host), Journal, Host);

    /// <param name="awsQuotas">
    /// Enforce AWS's per-account rate quotas (the Sandbox's defaults), for a figure about keeping to
    /// them; otherwise they are lifted, where throttling is not what is measured.
    /// </param>
    public static async Task<BenchSandbox> StartAsync(bool awsQuotas = false)
    {
        var options = new SandboxOptions();
        if (!awsQuotas)
        {
            options.Lambda.ControlPlanePerSecond = 1_000_000;
            options.Lambda.GetFunctionPerSecond = 1_000_000;
            options.CloudWatch.GetMetricDataPerSecond = 1_000_000;
            options.SecretsManagerQuotas.RotationsPerSecond = 1_000_000;
        }

        var calls = new ServiceCallCounts();
        options.RequestLog = calls.Record;
        var sandbox = await SandboxServer.StartAsync(options);
        calls.Clock = sandbox.Clock;

        // A discrete-event clock: a 30-minute bake is a jump, not a wait.
        sandbox.Clock.AutoAdvance = true;
        return new BenchSandbox(sandbox, calls);
    }

    /// <summary>
    /// A secret with <paramref name="value"/> as AWSCURRENT, seeded through the Sandbox's control
    /// surface (the product never creates secrets, so its client has no CreateSecret); returns its ARN.
    /// </summary>
    public async Task<string> SeedSecretAsync(string name, string value)
    {
        using var reply = await ControlClient.PostAsJsonAsync(new Uri(Sandbox.Endpoint, "_sandbox/secrets"), new { name, secretString = value });
        reply.EnsureSuccessStatusCode();
        using var seeded = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
        return seeded.RootElement.GetProperty("arn").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        secretAccessKey.Dispose();
        journalDirectory.Dispose();
    }
}
