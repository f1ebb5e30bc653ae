using System;
using System.Collections.Generic;

namespace RotationOps.Sandbox.CloudWatch.Metrics;

/// <summary>CloudWatch's StandardUnit values, in the service model's order (error messages list them so).</summary>
internal static class StandardUnits
{
    public const string None = "None";

    public static readonly IReadOnlyList<string> All =
    [
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes",
        "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second",
        "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second",
        "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", None,
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string unit) => Known.Contains(unit);
}
