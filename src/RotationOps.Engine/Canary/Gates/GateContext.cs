using System;
using System.Threading.Tasks;

namespace RotationOps.Engine.Canary.Gates;

/// <summary>What a gate judges: the deployment, the current step's window, and its metrics (read once per poll).</summary>
internal sealed class GateContext
{
    private readonly Func<Task<CanaryMetricsSnapshot>> _readMetrics;
    private Task<CanaryMetricsSnapshot>? _metrics;

    public GateContext(CanaryRun deployment, DateTimeOffset stepStartedAt, bool endOfBake, Func<Task<CanaryMetricsSnapshot>> readMetrics)
    {
        Deployment = deployment;
        StepStartedAt = stepStartedAt;
        EndOfBake = endOfBake;
        _readMetrics = readMetrics;
    }

    public CanaryRun Deployment { get; }
    public DateTimeOffset StepStartedAt { get; }
    /// <summary>The last poll of a bake: a gate still short of data must decide now.</summary>
    public bool EndOfBake { get; }

    public Task<CanaryMetricsSnapshot> Metrics => _metrics ??= _readMetrics();
}
