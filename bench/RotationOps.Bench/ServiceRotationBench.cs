using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Rotation;
using RotationOps.Sandbox.RotationFunctions;

namespace RotationOps.Bench;

/// <summary>
/// Service-mode rotations one after another through a registered rotation function: RotateSecret,
/// then the engine's wait until AWSCURRENT reaches the new version. The figure is real time per
/// rotation, the engine's and the Sandbox's own cost, since the waits jump on the virtual clock.
/// </summary>
internal static class ServiceRotationBench
{
    private const string Name = "Service rotations";

    public static async Task RunAsync(int secretCount, FigureTable table)
    {
        await using var world = await BenchSandbox.StartAsync();
        var functionArn = world.Sandbox.RotationFunctions.Register("bench-rotation", new RotationFunctionBehavior());
        var secretArns = new List<string>();
        for (var i = 1; i <= secretCount; i++)
        {
            secretArns.Add(await world.SeedSecretAsync($"bench/service-{i:000}", $"initial-password-{i:000}"));
        }

        var runner = new SecretRotationRunner(world.SecretsManager, world.Journal, world.Host);
        var milliseconds = new List<double>();
        var completed = 0;
        foreach (var secretArn in secretArns)
        {
            var realTime = Stopwatch.StartNew();
            var rotation = await runner.RotateAsync(new SecretRotationRequest { SecretId = secretArn, RotationLambdaArn = functionArn });
            milliseconds.Add(realTime.Elapsed.TotalMilliseconds);
            completed += rotation.Status == RotationStatus.Completed ? 1 : 0;
        }

        milliseconds.Sort();
        table.Add(Name, "secrets", $"{secretCount}");
        table.Add(Name, "completed", $"{completed} of {secretCount}");
        table.Add(Name, "real ms per rotation, p50", $"{NearestRank.Of(milliseconds, 0.50):0.0}");
        table.Add(Name, "real ms per rotation, p95", $"{NearestRank.Of(milliseconds, 0.95):0.0}");
    }
}
