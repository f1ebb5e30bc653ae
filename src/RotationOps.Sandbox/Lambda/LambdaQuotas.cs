using System;
using RotationOps.Sandbox.Quotas;

namespace RotationOps.Sandbox.Lambda;

/// <summary>
/// Lambda's control-plane quotas on the virtual clock: GetFunction and GetPolicy have their own
/// buckets, every other control-plane call shares one. Invoke is data plane and not limited here.
/// </summary>
internal sealed class LambdaQuotas
{
    private readonly RateQuota getFunction;
    private readonly RateQuota getPolicy;
    private readonly RateQuota controlPlane;

    public LambdaQuotas(LambdaOptions options, TimeProvider clock)
    {
        getFunction = new RateQuota(options.GetFunctionPerSecond, clock);
        getPolicy = new RateQuota(options.GetPolicyPerSecond, clock);
        controlPlane = new RateQuota(options.ControlPlanePerSecond, clock);

        // Long enough for the slowest bucket to hold a call again, so a client honouring it is not refused twice.
        var slowest = Math.Min(options.ControlPlanePerSecond, Math.Min(options.GetFunctionPerSecond, options.GetPolicyPerSecond));
        RetryAfterSeconds = (int)Math.Ceiling(1 / Math.Min(1, slowest));
    }

    /// <summary>The <c>Retry-After</c> every throttling reply carries.</summary>
    public int RetryAfterSeconds { get; }

    public void Enforce(string operation)
    {
        var quota = operation switch
        {
            LambdaRoutes.Invoke => null,
            LambdaRoutes.GetFunction => getFunction,
            LambdaRoutes.GetPolicy => getPolicy,
            _ => controlPlane,
        };
        if (quota is not null && !quota.TryTake())
        {
            throw LambdaErrors.TooManyRequests();
        }
    }
}
