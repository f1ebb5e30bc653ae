using System.Threading;
using System.Threading.Tasks;

namespace RotationOps.Engine.Canary.Gates;

/// <summary>A user-supplied gate (-HealthScript), asked on every poll of a bake.</summary>
public interface IHealthCheck
{
    Task<GateResult> CheckAsync(LambdaDeployment deployment, CancellationToken cancellationToken);
}
