using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Canary.Gates;

namespace RotationOps.Commands.Hosting;

/// <summary>
/// -HealthScript: runs the user's script block on the pipeline thread with the deployment as
/// its one argument, on every poll of a bake. It passes unless it throws or returns $false.
/// </summary>
internal sealed class ScriptBlockHealthCheck : IHealthCheck
{
    private readonly ScriptBlock _script;
    private readonly PipelineHost _host;

    public ScriptBlockHealthCheck(ScriptBlock script, PipelineHost host)
    {
        _script = script;
        _host = host;
    }

    public Task<GateResult> CheckAsync(LambdaDeployment deployment, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_host.Bridge.Ask(() =>
        {
            var (passed, detail) = ScriptVerdict.Run(_script, deployment, "health script");
            return new GateResult("HealthScript", passed ? CheckResult.Passed : CheckResult.Failed, detail);
        }));
    }
}
