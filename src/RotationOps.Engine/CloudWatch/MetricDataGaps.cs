using System.Collections.Generic;
using System.Linq;

namespace RotationOps.Engine.CloudWatch;

/// <summary>
/// Which GetMetricData results cannot be read as the truth about their window: not Complete after
/// the last page (PartialData left over, InternalError, Forbidden), or not returned at all. Summing
/// such a result would read "no data" as "no errors".
/// </summary>
internal static class MetricDataGaps
{
    /// <summary>
    /// Null when every query in <paramref name="expected"/> (id, and the name a user knows it by)
    /// came back Complete; otherwise each gap with CloudWatch's status and messages, as evidence.
    /// </summary>
    public static string? Describe(IReadOnlyList<MetricDataResult> results, IEnumerable<(string Id, string Name)> expected)
    {
        var gaps = new List<string>();
        foreach (var (id, name) in expected)
        {
            MetricDataResult? result = results.FirstOrDefault(r => r.Id == id);
            if (result == null) gaps.Add($"{name}: no result");
            else if (!result.IsComplete)
                gaps.Add($"{name}: {result.StatusCode}" + (result.Messages.Count > 0 ? $" ({string.Join("; ", result.Messages)})" : ""));
        }
        return gaps.Count == 0 ? null : string.Join(", ", gaps);
    }
}
