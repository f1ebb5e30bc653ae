using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;

namespace RotationOps.Engine.Canary.Gates;

/// <summary>-HealthScript, as a gate: the script gets the deployment as the pipeline would, region and profile included.</summary>
internal sealed class ScriptGate : IHealthGate
{
    private readonly IHealthCheck _check;
    private readonly AwsLocation _location;
    private readonly CancellationToken _cancellation;

    public ScriptGate(IHealthCheck check, AwsLocation location, CancellationToken cancellation)
    {
        _check = check;
        _location = location;
        _cancellation = cancellation;
    }

    public Task<GateResult> EvaluateAsync(GateContext context) => _check.CheckAsync(context.Deployment.Project(_location), _cancellation);
}
