using System.Collections.Concurrent;

namespace RotationOps.Bench;

/// <summary>
/// How many AWS calls the Sandbox served, by "service.Operation", read off its request log: the
/// figure that says which of AWS's per-account quotas a run spends.
/// </summary>
internal sealed class ServiceCallCounts
{
    private readonly ConcurrentDictionary<string, int> counts = new();

    /// <summary>Counts one request-log line, "service.Operation -> outcome".</summary>
    public void Record(string line)
    {
        var end = line.IndexOf(" -> ", System.StringComparison.Ordinal);
        counts.AddOrUpdate(end < 0 ? line : line[..end], 1, (_, n) => n + 1);
    }

    public int this[string serviceOperation] => counts.TryGetValue(serviceOperation, out var n) ? n : 0;
}
