using System;

namespace RotationOps.Sandbox.Lambda.Invocation;

/// <summary>
/// Invocations, errors and durations summed over one publishing interval (one call, or one minute
/// of traffic), which is exactly what a StatisticValues datum carries.
/// </summary>
internal readonly record struct InvocationTally(long Invocations, long Errors, double DurationSum, double DurationMin, double DurationMax)
{
    public static InvocationTally None => default;

    public static InvocationTally Of(long invocations, long errors, TimeSpan latency) =>
        new(invocations, errors, invocations * latency.TotalMilliseconds, latency.TotalMilliseconds, latency.TotalMilliseconds);

    public InvocationTally Add(InvocationTally other) =>
        Invocations == 0 ? other
        : other.Invocations == 0 ? this
        : new(Invocations + other.Invocations, Errors + other.Errors, DurationSum + other.DurationSum,
            Math.Min(DurationMin, other.DurationMin), Math.Max(DurationMax, other.DurationMax));
}
