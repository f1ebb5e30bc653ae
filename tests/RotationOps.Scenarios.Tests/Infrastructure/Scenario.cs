using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
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
using RotationOps.Engine.Validation;
using RotationOps.Sandbox;

namespace RotationOps.Scenarios.Tests.Infrastructure;

/// <summary>
/// One scenario's world: the in-process Sandbox (or, with ROTATIONOPS_TEST_ENDPOINT set, any
/// AWS-compatible endpoint), the real engine client talking HTTP to it, a journal in a temp
/// folder, and a recording host. Dispose scans everything a user could see for secret values.
/// </summary>
public sealed class Scenario : IAsyncDisposable
{
    private readonly List<string> _secretArns = new List<string>();
    private readonly List<string> _clientVerbose = new List<string>();
    private CancellationTokenSource _cancellation = new CancellationTokenSource();
    private readonly string _suffix = Guid.NewGuid().ToString("N").Substring(0, 8);

    private readonly AwsConnectionOptions _options;

    private Scenario(SandboxServer? sandbox, AwsConnectionOptions options, TimeProvider time)
    {
        _options = options;
        Sandbox = sandbox;
        Time = time;
        JournalDirectory = Path.Combine(Path.GetTempPath(), "rotationops-tests", _suffix);
        Journal = new DeploymentJournal(new FileJournalStore(JournalDirectory), time);
        Host = new RecordingHost(time, _cancellation.Token);
        Action<string> verbose = line => { lock (_clientVerbose) _clientVerbose.Add(line); };
        Client = SecretsManagerClient.Create(options, time, verbose);
        Lambda = LambdaClient.Create(options, time, verbose);
        CloudWatch = CloudWatchClient.Create(options, time, verbose);
        Setup = new AwsSetup(options, time);
    }

    /// <summary>Null when the scenario runs against an external endpoint.</summary>
    public SandboxServer? Sandbox { get; }
    public ISecretsManagerClient Client { get; }
    public ILambdaClient Lambda { get; }
    public ICloudWatchClient CloudWatch { get; }
    /// <summary>Setup and inspection calls the product never makes (CreateSecret, CreateAlias, PutMetricAlarm...).</summary>
    public AwsSetup Setup { get; }
    public RecordingHost Host { get; private set; }
    public DeploymentJournal Journal { get; }
    public string JournalDirectory { get; }
    public TimeProvider Time { get; }

    public static async Task<Scenario> StartAsync(SandboxOptions? options = null, Action<AwsConnectionOptions>? configureClient = null)
    {
        string? external = TestTarget.ExternalEndpoint;
        if (external != null)
            return new Scenario(null, new AwsConnectionOptions { EndpointUrl = new Uri(external) }, TimeProvider.System);

        var sandbox = await SandboxServer.StartAsync(options ?? new SandboxOptions());
        sandbox.Clock.AutoAdvance = true;
        var connection = new AwsConnectionOptions
        {
            EndpointUrl = sandbox.Endpoint,
            Region = sandbox.Region,
            AccessKeyId = sandbox.AccessKeyId,
            SecretAccessKey = SensitiveValue.FromString(sandbox.SecretAccessKey),
            // Faults make the client retry; keep the real-time cost of a test small.
            MaxAttempts = 4,
        };
        configureClient?.Invoke(connection);
        return new Scenario(sandbox, connection, sandbox.Clock);
    }

    /// <summary>A Sandbox-only scenario: tests using it are skipped against external endpoints.</summary>
    public SandboxServer RequireSandbox() =>
        Sandbox ?? throw new InvalidOperationException("This scenario needs the Sandbox; mark the test [SandboxFact].");

    /// <summary>The engine objects a command makes; <paramref name="journal"/> stands for another machine's journal.</summary>
    public SecretRotationRunner Runner(DeploymentJournal? journal = null) => new SecretRotationRunner(Client, journal ?? Journal, Host, CloudWatch);

    public SecretValidator Validator() => new SecretValidator(Client, Host, Lambda, CloudWatch);

    public CanaryPublisher Publisher(DeploymentJournal? journal = null) => new CanaryPublisher(Lambda, journal ?? Journal, Host);

    public TrafficShifter Shifter(DeploymentJournal? journal = null) => new TrafficShifter(Lambda, CloudWatch, Runner(journal), journal ?? Journal, Host);

    public DeploymentUndo Undo(DeploymentJournal? journal = null) => new DeploymentUndo(Lambda, Client, journal ?? Journal, Host);

    /// <summary>
    /// The file journal of another machine (a CI runner, an operator's laptop) that shares nothing
    /// with this one: neither its entries nor its deployment locks.
    /// </summary>
    public DeploymentJournal OtherMachineJournal(string machine) =>
        new DeploymentJournal(new FileJournalStore(Path.Combine(JournalDirectory, machine)), Time);

    /// <summary>
    /// The journal in DynamoDB table <paramref name="table"/> as one machine (a CI runner, an
    /// operator) opens it: each call is another machine, sharing only what is in the table.
    /// </summary>
    public Task<DeploymentJournal> OpenSharedJournalAsync(string table) =>
        DeploymentJournal.OpenAsync(table, _options, Time, null, CancellationToken.None);

    /// <summary>
    /// A function as seed 000 starts from: $LATEST with <paramref name="runtime"/>, version 1
    /// published, alias LIVE on it.
    /// </summary>
    public async Task<string> CreateLiveFunctionAsync(string name, string runtime = "python3.8", IReadOnlyDictionary<string, string>? environment = null)
    {
        string unique = $"{name}-{_suffix}";
        await Setup.CreateFunctionAsync(unique, runtime, environment);
        await new LambdaWaiterForTests(Lambda, Time).UntilReadyAsync(unique);
        var version = await Lambda.PublishVersionAsync(new PublishVersionRequest { FunctionName = unique }, CancellationToken.None);
        await Setup.CreateAliasAsync(unique, "LIVE", version.Version);
        return unique;
    }

    /// <summary>A new command invocation (fresh host and Ctrl+C state) against the same world.</summary>
    public void ResetHost()
    {
        _cancellation = new CancellationTokenSource();
        Host = new RecordingHost(Time, _cancellation.Token);
    }

    /// <summary>Ctrl+C, as the cmdlet's StopProcessing would do it.</summary>
    public void PressCtrlC() => _cancellation.Cancel();

    /// <summary>Creates a secret with a unique name (so runs against a shared account don't collide).</summary>
    public async Task<string> CreateSecretAsync(string name, string value)
    {
        string arn = await Setup.CreateSecretAsync($"{name}-{_suffix}", value);
        _secretArns.Add(arn);
        return arn;
    }

    public Task<SecretDescription> DescribeAsync(string secretId) => Client.DescribeSecretAsync(secretId, CancellationToken.None);

    public async Task<StageMap> StagesAsync(string secretId) => new StageMap((await DescribeAsync(secretId)).VersionIdsToStages);

    /// <summary>The value at a stage or version, as text (tests only; never printed).</summary>
    public async Task<string> ReadAsync(string secretId, string? stage = SecretStages.Current, string? versionId = null)
    {
        using var value = await Client.GetSecretValueAsync(secretId, versionId, versionId == null ? stage : null, CancellationToken.None);
        return value.Value.Reveal();
    }

    public Task<IReadOnlyList<SecretVersionEntry>> AllVersionsAsync(string secretId) => Setup.ListSecretVersionIdsAsync(secretId);

    /// <summary>Journal lines as written, for assertions and leak scans.</summary>
    public string JournalText => File.Exists(Journal.Location) ? File.ReadAllText(Journal.Location) : "";

    /// <summary>
    /// Asserts that no value any test secret ever held (given, generated, or made by a rotation
    /// function) appears in what the user sees: output objects, host text, client verbose lines,
    /// the journal, or exception messages.
    /// </summary>
    public async Task AssertNoSecretLeakedAsync(IEnumerable<object?> outputs, IEnumerable<Exception>? errors = null)
    {
        var values = new List<string>();
        foreach (var arn in _secretArns)
            foreach (var version in await AllVersionsAsync(arn))
            {
                try
                {
                    values.Add(await ReadAsync(arn, null, version.VersionId));
                }
                catch (AwsServiceException ex) when (ex.IsNotFound)
                {
                    // The empty AWSPENDING placeholder has no value to leak.
                }
            }
        var haystacks = new List<string>();
        haystacks.AddRange(Host.AllText);
        lock (_clientVerbose) haystacks.AddRange(_clientVerbose);
        haystacks.Add(JournalText);
        haystacks.AddRange(outputs.Where(o => o != null).Select(o => JsonSerializer.Serialize(o, o!.GetType())));
        haystacks.AddRange(outputs.Where(o => o != null).Select(o => o!.ToString() ?? ""));
        haystacks.AddRange((errors ?? Array.Empty<Exception>()).Select(e => e.ToString()));

        foreach (string value in values.Where(v => v.Length >= 6))
        {
            // JSON secrets leak by their fields too (a password inside {"password":...}).
            foreach (string fragment in SecretFragments(value))
            {
                int hits = haystacks.Count(h => h.Contains(fragment, StringComparison.Ordinal));
                Assert.True(hits == 0, $"a secret value ({fragment.Length} chars) appeared in {hits} user-visible text(s)");
            }
        }
    }

    private static IEnumerable<string> SecretFragments(string value)
    {
        yield return value;
        if (!value.TrimStart().StartsWith("{", StringComparison.Ordinal)) yield break;
        using var document = JsonDocument.Parse(value);
        foreach (var property in document.RootElement.EnumerateObject())
            if (property.Value.ValueKind == JsonValueKind.String && property.Name != "username" && property.Value.GetString()!.Length >= 8)
                yield return property.Value.GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        _cancellation.Dispose();
        if (Sandbox != null) await Sandbox.DisposeAsync();
        try
        {
            Directory.Delete(JournalDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
