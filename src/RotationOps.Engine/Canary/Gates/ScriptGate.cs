using System.Threading.Tasks;

namespace RotationOps.Engine.Canary.Gates;

/// <summary>-HealthScript, as a gate.</summary>
internal sealed class ScriptGate : IHealthGate
{
    private readonly IHealthCheck _check;
    private readonly System.Threading.CancellationToken _cancellation;

    public ScriptGate(IHealthCheck check, System.Threading.CancellationToken cancellation)
    {
        _check = check;
        _cancellation = cancellation;
    }

    public Task<GateResult> EvaluateAsync(GateContext context) => _check.CheckAsync(context.Deployment.Project(context.Location), _cancellation);
}
