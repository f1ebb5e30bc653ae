using System;

namespace RotationOps.Sandbox.Lambda;

/// <summary>
/// Lambda's timings and control-plane rate quotas. Timings and quotas run on the virtual clock: a
/// frozen clock never finishes an update, and 16 control-plane calls at one frozen instant exceed
/// the 15/s quota. Defaults are AWS's (quotas) or typical of a small zip function (timings).
/// </summary>
public sealed class LambdaOptions
{
    /// <summary>How long $LATEST stays <c>LastUpdateStatus=InProgress</c> after UpdateFunctionConfiguration or UpdateFunctionCode.</summary>
    public TimeSpan UpdateDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a new function, or a newly published version, stays <c>State=Pending</c> before it is Active.</summary>
    public TimeSpan ActivationDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>GetFunction's own quota, per second.</summary>
    public double GetFunctionPerSecond { get; set; } = 100;

    /// <summary>GetPolicy's own quota, per second.</summary>
    public double GetPolicyPerSecond { get; set; } = 15;

    /// <summary>Every other control-plane call (everything but Invoke) combined, per second.</summary>
    public double ControlPlanePerSecond { get; set; } = 15;
}
