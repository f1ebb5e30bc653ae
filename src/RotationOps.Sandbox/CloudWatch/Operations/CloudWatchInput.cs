using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using RotationOps.Sandbox.CloudWatch.Metrics;
using RotationOps.Sandbox.Protocols;

namespace RotationOps.Sandbox.CloudWatch.Operations;

/// <summary>Input members several CloudWatch operations share, validated with CloudWatch's errors.</summary>
internal static class CloudWatchInput
{
    public const int MaxDimensions = 30;

    private static readonly Regex ExtendedStatistic = new(@"^((p|tm|wm|tc|ts)\d+(\.\d+)?|(PR|TM|WM|TC|TS)\(.*\)|IQM)$", RegexOptions.CultureInvariant);

    public static string RequiredString(IShapeReader input, string member)
    {
        var value = input.String(member);
        return string.IsNullOrEmpty(value) ? throw CloudWatchErrors.MissingParameter(input.PathOf(member)) : value;
    }

    public static DateTimeOffset RequiredTimestamp(IShapeReader input, string member) =>
        input.Timestamp(member) ?? throw CloudWatchErrors.MissingParameter(input.PathOf(member));

    public static string Namespace(IShapeReader input)
    {
        var value = RequiredString(input, "Namespace");
        return value.Length > 255 || value.StartsWith(':')
            ? throw CloudWatchErrors.InvalidParameterValue($"The value {value} for parameter {input.PathOf("Namespace")} is invalid.")
            : value;
    }

    /// <summary>A metric's dimensions: at most 30, each with a name and a value, names unique.</summary>
    public static IReadOnlyDictionary<string, string> Dimensions(IShapeReader input)
    {
        var items = input.StructureList("Dimensions") ?? [];
        if (items.Count > MaxDimensions)
        {
            throw CloudWatchErrors.InvalidParameterValue(
                $"The collection {input.PathOf("Dimensions")} must not have a size greater than {MaxDimensions}.");
        }

        var dimensions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var name = RequiredString(item, "Name");
            var value = RequiredString(item, "Value");
            if (!dimensions.TryAdd(name, value))
            {
                throw CloudWatchErrors.InvalidParameterValue($"The dimension {name} appears more than once in {input.PathOf("Dimensions")}.");
            }
        }

        return dimensions;
    }

    public static string? Unit(IShapeReader input, string member = "Unit")
    {
        var unit = input.String(member);
        return unit is null || StandardUnits.IsKnown(unit)
            ? unit
            : throw CloudWatchErrors.ValueNotInSet(input.PathOf(member), string.Join(", ", StandardUnits.All));
    }

    /// <summary>A query period: 1, 5, 10, 20 or 30 seconds (high resolution) or a multiple of 60.</summary>
    public static TimeSpan Period(IShapeReader input, string member = "Period")
    {
        var seconds = input.Long(member) ?? throw CloudWatchErrors.MissingParameter(input.PathOf(member));
        return seconds is 1 or 5 or 10 or 20 or 30 || (seconds >= 60 && seconds % 60 == 0)
            ? TimeSpan.FromSeconds(seconds)
            : throw CloudWatchErrors.InvalidParameterValue(
                $"The parameter {input.PathOf(member)} must be 1, 5, 10, 20, 30, or a multiple of 60.");
    }

    /// <summary>One of the five statistics; null when <paramref name="value"/> is not one.</summary>
    public static MetricStatistic? Statistic(string value) =>
        Enum.GetNames<MetricStatistic>().Contains(value, StringComparer.Ordinal) ? Enum.Parse<MetricStatistic>(value) : null;

    /// <summary>Percentiles and trimmed statistics (p99, tm90, IQM, ...): AWS computes them from raw values, which the Sandbox does not keep.</summary>
    public static bool IsExtendedStatistic(string value) => ExtendedStatistic.IsMatch(value);
}
