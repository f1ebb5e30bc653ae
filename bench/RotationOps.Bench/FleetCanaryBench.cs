using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Canary;

namespace RotationOps.Bench;

/// <summary>
/// A fleet runtime upgrade: every function canaried at 25 %, then shifted to 50 % and 100 % with a
/// 30-minute bake under an error-rate gate, all functions at once. Concurrent bakes should cost about
/// one bake of virtual time for the whole fleet, where one function after another would cost N bakes.
/// The Sandbox enforces AWS's Lambda quotas (15 control-plane calls a second for the whole account,
/// 100 GetFunction): the client's rate limiter should keep the fleet under them rather than be refused.
/// </summary>
internal static class FleetCanaryBench
{
    private const string Name = "Fleet canary";
    private const string Alias = "LIVE";
    private static readonly TimeSpan BakeTime = TimeSpan.FromMinutes(30);

    public static async Task RunAsync(int functionCount, FigureTable table)
    {
        await using var world = await BenchSandbox.StartAsync(awsQuotas: true);
        var sandbox = world.Sandbox;
        var functions = Enumerable.Range(1, functionCount).Select(i => $"fleet-{i:000}").ToList();
        foreach (var function in functions)
        {
            sandbox.SeedFunction(function, aliasName: Alias);
            sandbox.Traffic.Drive(function, Alias, 60);
        }

        var realTime = Stopwatch.StartNew();
        var virtualStart = sandbox.Clock.GetUtcNow();
        var results = await Task.WhenAll(functions.Select(function => UpgradeAsync(world, function)));
        realTime.Stop();
        var virtualElapsed = sandbox.Clock.GetUtcNow() - virtualStart;

        table.Add(Name, "functions", $"{functionCount}");
        table.Add(Name, "promoted", $"{results.Count(r => r.Status == DeploymentStatus.Promoted)} of {functionCount}");
        table.Add(Name, "virtual minutes elapsed", $"{virtualElapsed.TotalMinutes:0.0} (one bake is {BakeTime.TotalMinutes:0})");
        table.Add(Name, "serial equivalent, minutes", $"{functionCount * BakeTime.TotalMinutes:0} ({functionCount} × {BakeTime.TotalMinutes:0})");
        table.Add(Name, "real seconds", $"{realTime.Elapsed.TotalSeconds:0.0}");
        table.Add(Name, "journal lines", $"{File.ReadLines(world.Journal.Location).Count()}");
        // The waiters poll GetFunction (its own 100/s quota); what is left spends the 15/s every deployment in the account shares.
        var calls = world.Calls;
        table.Add(Name, "GetFunction calls per function (100/s quota)", $"{(double)calls["lambda.GetFunction"] / functionCount:0.0}");
        table.Add(Name, "GetFunctionConfiguration calls per function (shared 15/s)", $"{(double)calls["lambda.GetFunctionConfiguration"] / functionCount:0.0}");
        table.Add(Name, "Lambda control-plane calls; peak in one second (quota 15/s)", $"{calls.ControlPlaneCalls}; {calls.PeakControlPlanePerSecond}");
        table.Add(Name, "calls refused for throttling", $"{calls.Throttled} ({(double)calls.Throttled / calls.ControlPlaneCalls:P1} of control-plane calls)");
    }

    /// <summary>One function's canary then traffic shift; a canary that did not start is returned as it ended.</summary>
    private static async Task<LambdaDeployment> UpgradeAsync(BenchSandbox world, string function)
    {
        var canary = await world.Publisher().PublishAsync(new CanaryRequest
        {
            FunctionName = function,
            AliasName = Alias,
            Runtime = "python3.11",
            Weight = 0.25,
        });
        if (canary.Status != DeploymentStatus.Canary)
        {
            return canary;
        }

        return await world.Shifter().ShiftAsync(new TrafficShiftRequest
        {
            DeploymentId = canary.DeploymentId,
            Steps = [0.5, 1.0],
            BakeTime = BakeTime,
            MaxErrorRate = 0.01,
            MinInvocations = 10,
        });
    }
}
