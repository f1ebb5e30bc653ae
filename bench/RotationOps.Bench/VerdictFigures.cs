using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace RotationOps.Bench;

/// <summary>How both verdict runs turn bake outcomes into figures, so the same figure means the same thing in each.</summary>
internal static class VerdictFigures
{
    /// <summary>Canary invocations at each rollback, sorted; a regression never rolled back counts as never detected (infinite).</summary>
    public static List<double> DetectionCalls(IEnumerable<BakeOutcome> outcomes) =>
        outcomes.Select(o => o.RolledBack ? o.CanaryInvocations : double.PositiveInfinity).Order().ToList();

    /// <summary>Nearest rank of <see cref="DetectionCalls"/>; "missed" when that rank is a regression the bake never caught.</summary>
    public static string Percentile(List<double> sorted, double quantile) => Calls(NearestRank.Of(sorted, quantile));

    /// <summary>The mean of <see cref="DetectionCalls"/>; "missed" when any regression was never rolled back.</summary>
    public static string Mean(List<double> calls) => Calls(calls.Average());

    /// <summary>The median minutes baked by the canaries that were not rolled back.</summary>
    public static string MinutesBaked(IEnumerable<BakeOutcome> outcomes)
    {
        var sorted = outcomes.Where(o => !o.RolledBack).Select(o => (double)o.Minutes).Order().ToList();
        return sorted.Count == 0 ? "-" : NearestRank.Of(sorted, 0.5).ToString("0", CultureInfo.InvariantCulture);
    }

    /// <summary>How many were rolled back, and their share.</summary>
    public static string RolledBack(IReadOnlyCollection<BakeOutcome> outcomes)
    {
        var count = outcomes.Count(o => o.RolledBack);
        return FormattableString.Invariant($"{count} ({100.0 * count / outcomes.Count:0.0}%)");
    }

    private static string Calls(double value) =>
        double.IsPositiveInfinity(value) ? "missed" : value.ToString("0", CultureInfo.InvariantCulture);
}
