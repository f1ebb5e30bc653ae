using System.Threading.Tasks;

namespace RotationOps.Engine.Canary.Gates;

/// <summary>One health check polled during a bake; a Failed result rolls the alias back.</summary>
internal interface IHealthGate
{
    Task<GateResult> EvaluateAsync(GateContext context);
}
