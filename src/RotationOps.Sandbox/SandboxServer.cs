using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RotationOps.Sandbox.Auth;
using RotationOps.Sandbox.CloudWatch;
using RotationOps.Sandbox.Control;
using RotationOps.Sandbox.Downstream;
using RotationOps.Sandbox.DynamoDb;
using RotationOps.Sandbox.Faults;
using RotationOps.Sandbox.Hosting;
using RotationOps.Sandbox.Lambda;
using RotationOps.Sandbox.Metrics;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Sandbox.SecretsManager;
using RotationOps.Sandbox.Time;
using RotationOps.Sandbox.Traffic;

namespace RotationOps.Sandbox;

/// <summary>
/// The local AWS twin: a real HTTP server on 127.0.0.1 speaking the AWS wire protocols, with
/// SigV4 verification, rate quotas, a virtual clock, injectable faults and natively running
/// rotation functions. Start one per test (or per test class) and point a client at <see cref="Endpoint"/>.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SecretStore secrets;
    private readonly FunctionStore lambdaFunctions;

    private SandboxServer(WebApplication app, Uri endpoint, SandboxOptions options, VirtualClock clock, FaultInjector faults,
        RotationFunctionRegistry functions, DownstreamCredentialStore downstream, SecretsManagerService secretsManager, LambdaService lambda, CloudWatchService cloudWatch,
        DynamoDbService dynamoDb)
    {
        this.app = app;
        secrets = secretsManager.Store;
        lambdaFunctions = lambda.Store;
        Endpoint = endpoint;
        Region = options.Region;
        AccountId = options.AccountId;
        AccessKeyId = options.AccessKeyId;
        SecretAccessKey = options.SecretAccessKey;
        Clock = clock;
        Faults = faults;
        RotationFunctions = functions;
        Downstream = downstream;
        SecretsManager = secretsManager.Inspector;
        Lambda = lambda.Inspector;
        LambdaBehaviors = lambda.Behaviors;
        Traffic = lambda.Traffic;
        CloudWatch = cloudWatch.Inspector;
        DynamoDb = dynamoDb.Inspector;
    }

    /// <summary>Base URL of every service, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The region the Sandbox serves (and signatures must be scoped to).</summary>
    public string Region { get; }

    /// <summary>The account id in every ARN.</summary>
    public string AccountId { get; }

    /// <summary>The access key id clients must sign with.</summary>
    public string AccessKeyId { get; }

    /// <summary>The secret access key clients must sign with.</summary>
    public string SecretAccessKey { get; }

    /// <summary>Virtual time for timestamps, schedules and rotation steps.</summary>
    public VirtualClock Clock { get; }

    /// <summary>Faults injected into AWS calls.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Rotation functions that run natively; <c>Register(name, behavior)</c> returns the function ARN.</summary>
    public RotationFunctionRegistry RotationFunctions { get; }

    /// <summary>The simulated services whose credentials the secrets hold.</summary>
    public DownstreamCredentialStore Downstream { get; }

    /// <summary>Read-only view of Secrets Manager state, for assertions.</summary>
    public SecretsManagerInspector SecretsManager { get; }

    /// <summary>Read-only view of Lambda state (functions, versions, aliases and weights, invocation counts), for assertions.</summary>
    public LambdaInspector Lambda { get; }

    /// <summary>What each Lambda function version does when invoked: error rate, latency, payload, secret dependency.</summary>
    public LambdaBehaviors LambdaBehaviors { get; }

    /// <summary>Simulated callers invoking Lambda aliases at a rate on the virtual clock.</summary>
    public TrafficDriver Traffic { get; }

    /// <summary>CloudWatch's metric store (where AWS/Lambda metrics land; tests may seed it) and its alarms.</summary>
    public CloudWatchInspector CloudWatch { get; }

    /// <summary>Read-only view of the DynamoDB tables and their items, for assertions.</summary>
    public DynamoDbInspector DynamoDb { get; }

    /// <summary>Starts a Sandbox and returns once it accepts connections.</summary>
    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken ct = default)
    {
        options ??= new SandboxOptions();
        var start = options.ClockStart ?? DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var clock = new VirtualClock(start, options.ClockFollowsRealTime);
        var faults = new FaultInjector();
        var policies = new FunctionPolicies();
        var functions = new RotationFunctionRegistry(options.Region, options.AccountId, policies);
        var downstream = new DownstreamCredentialStore();
        var cloudWatch = new CloudWatchService(options.Region, options.AccountId, clock, options.CloudWatch);
        IMetricSink metricSink = options.MetricSink is null ? cloudWatch.Metrics : new FanOutMetricSink([cloudWatch.Metrics, options.MetricSink]);
        var secretsManager = new SecretsManagerService(options.Region, options.AccountId, clock, options.SecretsManagerQuotas, functions, downstream, metricSink);
        var lambda = new LambdaService(options.Region, options.AccountId, clock, options.Lambda, functions, policies,
            secretsManager.Store, secretsManager.Inspector, downstream, metricSink);
        cloudWatch.Inspector.CatchUpPublishers = lambda.Traffic.CatchUp;
        var dynamoDb = new DynamoDbService(options.Region, options.AccountId, clock, options.DynamoDb);
        var dispatcher = new RequestDispatcher(
            [secretsManager.Endpoint, lambda.Endpoint, cloudWatch.Endpoint, dynamoDb.Endpoint],
            new SigV4Verifier(options.AccessKeyId, options.SecretAccessKey, options.Region, TimeProvider.System),
            faults,
            new ControlSurface(options.Region, options.AccountId, options.AccessKeyId, clock, faults, functions, downstream, secretsManager.Store, secretsManager.Inspector, dynamoDb.Inspector),
            lambda.Control,
            lambda.Traffic,
            options.RequestLog);

        // Args are empty on purpose: the host must not pick up a test runner's command line.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        app.Run(dispatcher.HandleAsync);
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            clock.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var endpoint = new Uri(address.EndsWith('/') ? address : address + "/");
        return new SandboxServer(app, endpoint, options, clock, faults, functions, downstream, secretsManager, lambda, cloudWatch, dynamoDb);
    }

    /// <summary>
    /// Seeds what <c>--seed-demo</c> promises: the secret <c>demo/orders/db</c> (JSON username, generated
    /// password, host, port; labelled AWSCURRENT and accepted by its downstream service), the rotation
    /// function <c>demo-orders-rotation</c> (RotateJsonKey("password"), alternating users), and the
    /// consumer function <c>demo-orders-api</c> (python3.8, alias LIVE on version 1, called 120 times a
    /// minute) for canary rehearsals. Rotation is not enabled; RotateSecret with the returned ARN does
    /// that. Throws if <c>demo/orders/db</c> already exists.
    /// </summary>
    /// <returns>The rotation function's ARN.</returns>
    public string SeedDemo()
    {
        string rotationFunction = DemoSeed.Apply(secrets, Clock, RotationFunctions, Downstream);
        SeedFunction(DemoSeed.ConsumerName, "python3.8",
            new Dictionary<string, string> { ["SECRET_ID"] = DemoSeed.SecretName, ["LOG_LEVEL"] = "INFO" });
        Traffic.Drive(DemoSeed.ConsumerName, "LIVE", 120);
        return rotationFunction;
    }

    /// <summary>
    /// Seeds a live Lambda function for benches and rehearsals, without API calls or activation waits:
    /// $LATEST with a small real zip (role <c>&lt;name&gt;-role</c>, handler <c>lambda_function.lambda_handler</c>),
    /// version 1 published from it and already Active, and <paramref name="aliasName"/> pointing at version 1.
    /// </summary>
    /// <returns>The function's (unqualified) ARN.</returns>
    /// <exception cref="ArgumentException">The name, runtime or alias name is not one Lambda accepts.</exception>
    /// <exception cref="InvalidOperationException">A function of that name already exists.</exception>
    public string SeedFunction(string name, string runtime = "python3.8", IReadOnlyDictionary<string, string>? environment = null, string aliasName = "LIVE") =>
        FunctionSeed.Apply(lambdaFunctions, Clock, name, runtime, environment, aliasName);

    /// <summary>Stops the server and releases its port.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Clock.Dispose();
    }
}
