using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;

namespace RotationOps.Bench;

/// <summary>
/// How many AWS calls the Sandbox served, by "service.Operation", read off its request log: the
/// figure that says which of AWS's per-account quotas a run spends. Lambda control-plane calls (the
/// 15/s every deployment in the account shares) are also counted per second of the Sandbox's clock,
/// and refusals for throttling in all.
/// </summary>
internal sealed class ServiceCallCounts
{
    private readonly ConcurrentDictionary<string, int> counts = new();
    private readonly ConcurrentDictionary<long, int> controlPlanePerSecond = new();
    private int throttled;

    /// <summary>The clock the per-second counts follow; set once the Sandbox runs.</summary>
    public TimeProvider? Clock { get; set; }

    public int Throttled => throttled;

    /// <summary>Lambda control-plane calls the Sandbox answered, throttled ones included.</summary>
    public int ControlPlaneCalls => counts.Where(c => IsLambdaControlPlane(c.Key)).Sum(c => c.Value);

    /// <summary>The most Lambda control-plane calls served in one second of the Sandbox's clock.</summary>
    public int PeakControlPlanePerSecond => controlPlanePerSecond.Values.DefaultIfEmpty(0).Max();

    /// <summary>Counts one request-log line, "service.Operation -> outcome".</summary>
    public void Record(string line)
    {
        var end = line.IndexOf(" -> ", StringComparison.Ordinal);
        var operation = end < 0 ? line : line[..end];
        counts.AddOrUpdate(operation, 1, (_, n) => n + 1);
        if (line.Contains("Throttling", StringComparison.Ordinal) || line.Contains("TooManyRequests", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref throttled);
        }

        if (Clock != null && IsLambdaControlPlane(operation))
        {
            controlPlanePerSecond.AddOrUpdate(Clock.GetUtcNow().ToUnixTimeSeconds(), 1, (_, n) => n + 1);
        }
    }

    public int this[string serviceOperation] => counts.TryGetValue(serviceOperation, out var n) ? n : 0;

    /// <summary>AWS-FACTS: GetFunction and GetPolicy have quotas of their own; Invoke is the data plane.</summary>
    private static bool IsLambdaControlPlane(string operation) =>
        operation.StartsWith("lambda.", StringComparison.Ordinal)
        && operation is not ("lambda.GetFunction" or "lambda.GetPolicy" or "lambda.Invoke");
}
