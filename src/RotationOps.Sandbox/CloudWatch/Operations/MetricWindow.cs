using System;

namespace RotationOps.Sandbox.CloudWatch.Operations;

/// <summary>
/// Where a query's first period starts. CloudWatch rounds StartTime down by its age: to the period
/// for high-resolution periods, to the minute when less than 15 days old, to 5 minutes up to 63
/// days, to the hour beyond; periods then follow one another from there up to EndTime.
/// </summary>
internal static class MetricWindow
{
    public static DateTimeOffset AlignStart(DateTimeOffset start, TimeSpan period, DateTimeOffset now)
    {
        var age = now - start;
        var unit = period < TimeSpan.FromMinutes(1) ? period
            : age <= TimeSpan.FromDays(15) ? TimeSpan.FromMinutes(1)
            : age <= TimeSpan.FromDays(63) ? TimeSpan.FromMinutes(5)
            : TimeSpan.FromHours(1);
        var seconds = start.ToUnixTimeSeconds();
        var unitSeconds = (long)unit.TotalSeconds;
        return DateTimeOffset.FromUnixTimeSeconds(seconds - (((seconds % unitSeconds) + unitSeconds) % unitSeconds));
    }

    /// <summary>How many periods of <paramref name="period"/> cover [start, end).</summary>
    public static long PeriodCount(DateTimeOffset start, DateTimeOffset end, TimeSpan period) =>
        (long)Math.Ceiling((end - start).TotalSeconds / period.TotalSeconds);
}
