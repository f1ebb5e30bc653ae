using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Canary;
using RotationOps.Engine.Canary.Gates;

namespace RotationOps.Scenarios.Tests.Infrastructure;

/// <summary>A -HealthScript stand-in that holds a bake until the test lets it go, so a test can act while a deployer is mid-bake.</summary>
public sealed class HeldCheck : IHealthCheck
{
    private readonly TaskCompletionSource<bool> _released = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<bool> Asked { get; } = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _released.TrySetResult(true);

    public async Task<GateResult> CheckAsync(LambdaDeployment deployment, CancellationToken cancellationToken)
    {
        Asked.TrySetResult(true);
        await _released.Task.ConfigureAwait(false);
        return new GateResult("HealthScript", CheckResult.Passed, "released");
    }
}
