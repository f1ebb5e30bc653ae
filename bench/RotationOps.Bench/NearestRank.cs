using System;
using System.Collections.Generic;

namespace RotationOps.Bench;

/// <summary>Percentiles as every figure here reports them: nearest rank, a value that was measured, not an interpolation.</summary>
internal static class NearestRank
{
    /// <summary>The smallest of the <paramref name="sorted"/> values that at least <paramref name="share"/> of them do not exceed.</summary>
    public static double Of(IReadOnlyList<double> sorted, double share) =>
        sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1)];
}
