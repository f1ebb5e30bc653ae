using System;

namespace RotationOps.Engine.Aws.RateLimiting;

/// <summary>Permission for one attempt: how long it waited for it, and which rate it was paced at.</summary>
internal readonly struct RateGrant
{
    public RateGrant(TimeSpan waited, int generation)
    {
        Waited = waited;
        Generation = generation;
    }

    public TimeSpan Waited { get; }

    /// <summary>
    /// How many times the bucket had slowed down when this grant was given. Calls sent before the
    /// latest slow-down were paced too fast already; their throttling must not slow it down again.
    /// </summary>
    public int Generation { get; }
}
