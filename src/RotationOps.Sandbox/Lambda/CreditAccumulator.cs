using System;

namespace RotationOps.Sandbox.Lambda;

/// <summary>
/// The deterministic stand-in for "each trial succeeds with probability p": credit grows by p per
/// trial and every whole unit is one hit. Over n trials the hits are floor(carried + n·p), the same
/// whether the trials come one by one (Invoke) or a minute at a time (traffic). Kept in millionths
/// so that 0.1 × 10 is exactly 1.
/// </summary>
internal sealed class CreditAccumulator
{
    private const long Scale = 1_000_000;
    private long credit;

    public long Take(long trials, double probability)
    {
        var total = credit + (trials * (long)Math.Round(probability * Scale));
        credit = total % Scale;
        return total / Scale;
    }
}
