using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using RotationOps.Sandbox;

// Standalone Sandbox for operators rehearsing runbooks: prints the environment a client needs,
// then serves until Ctrl+C. Virtual time flows with real time here; /_sandbox/clock/advance skips ahead.
if (!StandaloneArguments.TryParse(args, out var arguments, out var problem))
{
    Console.Error.WriteLine(problem);
    Console.Error.WriteLine(StandaloneArguments.Usage);
    return 2;
}

if (arguments is null)
{
    Console.WriteLine(StandaloneArguments.Usage);
    return 0;
}

var options = arguments.Options;
options.ClockFollowsRealTime = true;
options.RequestLog = line => Console.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {line}");
await using var server = await SandboxServer.StartAsync(options);
var endpoint = server.Endpoint.ToString().TrimEnd('/');
Console.WriteLine($"RotationOps Sandbox listening on {endpoint} (control surface: {endpoint}/_sandbox/)");
if (arguments.SeedDemo)
{
    // Before the AWS_* lines: scripts start using the Sandbox once they see those, so the demo must be there.
    Console.WriteLine($"Seeded demo: secret {DemoSeed.SecretName}, rotation function {server.SeedDemo()}, function {DemoSeed.ConsumerName} (alias LIVE)");
}

Console.WriteLine($"AWS_ENDPOINT_URL={endpoint}");
Console.WriteLine($"AWS_REGION={server.Region}");
Console.WriteLine($"AWS_DEFAULT_REGION={server.Region}");
Console.WriteLine($"AWS_ACCESS_KEY_ID={server.AccessKeyId}");
Console.WriteLine($"AWS_SECRET_ACCESS_KEY={server.SecretAccessKey}");
Console.WriteLine("Press Ctrl+C to stop.");

var stopped = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopped.TrySetResult();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stopped.TrySetResult();
});
await stopped.Task;
return 0;
