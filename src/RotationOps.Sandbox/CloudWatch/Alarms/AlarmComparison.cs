using System;

namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>The static-threshold ComparisonOperators: the test each one makes and how StateReason words it.</summary>
internal static class AlarmComparison
{
    public static bool IsStatic(string comparisonOperator) => comparisonOperator is
        "GreaterThanOrEqualToThreshold" or "GreaterThanThreshold" or "LessThanThreshold" or "LessThanOrEqualToThreshold";

    /// <summary>The anomaly-detection operators, which compare against a band from ThresholdMetricId.</summary>
    public static bool IsBand(string comparisonOperator) => comparisonOperator is
        "LessThanLowerOrGreaterThanUpperThreshold" or "LessThanLowerThreshold" or "GreaterThanUpperThreshold";

    public static bool Breaches(string comparisonOperator, double value, double threshold) => comparisonOperator switch
    {
        "GreaterThanOrEqualToThreshold" => value >= threshold,
        "GreaterThanThreshold" => value > threshold,
        "LessThanThreshold" => value < threshold,
        "LessThanOrEqualToThreshold" => value <= threshold,
        _ => throw new ArgumentOutOfRangeException(nameof(comparisonOperator), comparisonOperator, null),
    };

    public static string Phrase(string comparisonOperator) => comparisonOperator switch
    {
        "GreaterThanOrEqualToThreshold" => "greater than or equal to",
        "GreaterThanThreshold" => "greater than",
        "LessThanThreshold" => "less than",
        "LessThanOrEqualToThreshold" => "less than or equal to",
        _ => throw new ArgumentOutOfRangeException(nameof(comparisonOperator), comparisonOperator, null),
    };
}
