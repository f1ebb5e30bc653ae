using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.CloudWatch.Metrics;
using RotationOps.Sandbox.Metrics;
using RotationOps.Sandbox.Protocols;

namespace RotationOps.Sandbox.CloudWatch.Operations;

/// <summary>
/// PutMetricData: up to 1000 data points, each a Value, Values with Counts, or StatisticValues,
/// timestamped within the last two weeks and at most two hours ahead. All or nothing.
/// </summary>
internal sealed class PutMetricDataOperation(MetricStore metrics) : ICloudWatchOperation
{
    private const int MaxData = 1000;
    private const int MaxValues = 150;

    public string Name => "PutMetricData";

    public bool HasResult => false;

    public void Execute(IShapeReader input, IShapeWriter output, DateTimeOffset now)
    {
        var @namespace = CloudWatchInput.Namespace(input);
        var items = input.StructureList("MetricData");
        if (items is null || items.Count == 0)
        {
            throw CloudWatchErrors.MissingParameter(input.PathOf("MetricData"));
        }

        if (items.Count > MaxData)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The collection MetricData must not have a size greater than {MaxData}.");
        }

        metrics.Put(items.Select(item => Datum(@namespace, item, now)).ToList());
    }

    private static MetricDatum Datum(string @namespace, IShapeReader item, DateTimeOffset now)
    {
        var name = CloudWatchInput.RequiredString(item, "MetricName");
        var dimensions = CloudWatchInput.Dimensions(item);
        var timestamp = item.Timestamp("Timestamp") ?? now;
        if (timestamp > now.AddHours(2))
        {
            throw CloudWatchErrors.InvalidParameterValue(
                $"The parameter {item.PathOf("Timestamp")} must specify a time no more than two hours in the future.");
        }

        if (timestamp < now.AddDays(-14))
        {
            throw CloudWatchErrors.InvalidParameterValue($"The parameter {item.PathOf("Timestamp")} must specify a time within the past two weeks.");
        }

        var resolution = item.Long("StorageResolution") ?? 60;
        if (resolution is not (1 or 60))
        {
            throw CloudWatchErrors.InvalidParameterValue($"The parameter {item.PathOf("StorageResolution")} must be 1 or 60.");
        }

        return new MetricDatum(@namespace, name, dimensions, timestamp, Values(item), CloudWatchInput.Unit(item) ?? StandardUnits.None)
        {
            StorageResolution = (int)resolution,
        };
    }

    /// <summary>Exactly one of Value, Values (with optional Counts) and StatisticValues, as one aggregate.</summary>
    private static StatisticValues Values(IShapeReader item)
    {
        var value = item.Double("Value");
        var statistics = item.Structure("StatisticValues");
        var values = item.DoubleList("Values");
        var counts = item.DoubleList("Counts");
        if (value is not null && statistics is not null)
        {
            throw Exclusive(item, "Value", "StatisticValues");
        }

        if (values is not null && (value is not null || statistics is not null))
        {
            throw Exclusive(item, "Values", value is not null ? "Value" : "StatisticValues");
        }

        if (value is { } single)
        {
            return StatisticValues.Single(Finite(item, "Value", single));
        }

        if (statistics is not null)
        {
            return Statistics(item, statistics);
        }

        if (values is null)
        {
            throw CloudWatchErrors.InvalidParameterCombination(
                $"At least one of the parameters {item.PathOf("Value")} and {item.PathOf("StatisticValues")} must be specified.");
        }

        return Distribution(item, values, counts);
    }

    private static StatisticValues Statistics(IShapeReader item, IShapeReader statistics)
    {
        double Required(string member) =>
            Finite(statistics, member, statistics.Double(member) ?? throw CloudWatchErrors.MissingParameter(statistics.PathOf(member)));

        var set = new StatisticValues(Required("SampleCount"), Required("Sum"), Required("Minimum"), Required("Maximum"));
        if (set.SampleCount <= 0 || set.Minimum > set.Maximum)
        {
            throw CloudWatchErrors.InvalidParameterValue(
                $"The values for parameter {item.PathOf("StatisticValues")} are inconsistent: SampleCount must be positive and Minimum must not exceed Maximum.");
        }

        return set;
    }

    private static StatisticValues Distribution(IShapeReader item, IReadOnlyList<double> values, IReadOnlyList<double>? counts)
    {
        if (values.Count is 0 or > MaxValues)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The collection {item.PathOf("Values")} must have between 1 and {MaxValues} values.");
        }

        if (counts is not null && counts.Count != values.Count)
        {
            throw CloudWatchErrors.InvalidParameterValue(
                $"The parameters {item.PathOf("Values")} and {item.PathOf("Counts")} must be of the same size.");
        }

        double sampleCount = 0, sum = 0, minimum = double.MaxValue, maximum = double.MinValue;
        for (var i = 0; i < values.Count; i++)
        {
            var value = Finite(item, "Values", values[i]);
            var count = counts?[i] ?? 1;
            if (count <= 0)
            {
                continue;
            }

            sampleCount += count;
            sum += value * count;
            minimum = Math.Min(minimum, value);
            maximum = Math.Max(maximum, value);
        }

        return sampleCount == 0 ? new StatisticValues(0, 0, 0, 0) : new StatisticValues(sampleCount, sum, minimum, maximum);
    }

    private static double Finite(IShapeReader item, string member, double value) =>
        double.IsFinite(value)
            ? value
            : throw CloudWatchErrors.InvalidParameterValue($"The value {value} for parameter {item.PathOf(member)} is invalid.");

    private static Errors.AwsErrorException Exclusive(IShapeReader item, string first, string second) =>
        CloudWatchErrors.InvalidParameterCombination(
            $"The parameters {item.PathOf(first)} and {item.PathOf(second)} are mutually exclusive and you have specified both.");
}
