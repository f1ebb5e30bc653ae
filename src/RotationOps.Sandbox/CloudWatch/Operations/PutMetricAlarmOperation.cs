using System;
using RotationOps.Sandbox.CloudWatch.Alarms;
using RotationOps.Sandbox.CloudWatch.Metrics;
using RotationOps.Sandbox.Protocols;

namespace RotationOps.Sandbox.CloudWatch.Operations;

/// <summary>
/// PutMetricAlarm for a static threshold on one metric: creates the alarm in INSUFFICIENT_DATA, or
/// replaces an existing alarm's configuration and keeps its state. Metric-math and anomaly-band
/// alarms are not modelled.
/// </summary>
internal sealed class PutMetricAlarmOperation(AlarmStore alarms, AlarmEvaluator evaluator) : ICloudWatchOperation
{
    private static readonly TimeSpan MaxEvaluationRange = TimeSpan.FromDays(7);

    public string Name => "PutMetricAlarm";

    public bool HasResult => false;

    public void Execute(IShapeReader input, IShapeWriter output, DateTimeOffset now)
    {
        var definition = Definition(input);
        if (alarms.FindComposite(definition.AlarmName) is not null)
        {
            throw CloudWatchErrors.AlarmKindConflict(definition.AlarmName, "composite");
        }

        evaluator.Reschedule(alarms.Put(definition, now), now);
    }

    private static AlarmDefinition Definition(IShapeReader input)
    {
        var name = CloudWatchInput.RequiredString(input, "AlarmName");
        if (name.Length > 255)
        {
            throw CloudWatchErrors.InvalidParameterValue("The parameter AlarmName must be at most 255 characters long.");
        }

        if (input.Has("Metrics") || input.Has("ThresholdMetricId"))
        {
            throw CloudWatchErrors.NotSupportedBySandbox(input.PathOf("Metrics"), "metric math or anomaly detection alarms");
        }

        var comparison = CloudWatchInput.RequiredString(input, "ComparisonOperator");
        if (AlarmComparison.IsBand(comparison))
        {
            throw CloudWatchErrors.NotSupportedBySandbox(input.PathOf("ComparisonOperator"), "anomaly detection bands");
        }

        if (!AlarmComparison.IsStatic(comparison))
        {
            throw CloudWatchErrors.ValueNotInSet(input.PathOf("ComparisonOperator"),
                "GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold, "
                + "LessThanLowerOrGreaterThanUpperThreshold, LessThanLowerThreshold, GreaterThanUpperThreshold");
        }

        var evaluationPeriods = input.Long("EvaluationPeriods") ?? throw CloudWatchErrors.MissingParameter(input.PathOf("EvaluationPeriods"));
        var datapointsToAlarm = input.Long("DatapointsToAlarm");
        if (evaluationPeriods < 1)
        {
            throw CloudWatchErrors.InvalidParameterValue("The parameter EvaluationPeriods must be greater than or equal to 1.");
        }

        if (datapointsToAlarm is < 1 || datapointsToAlarm > evaluationPeriods)
        {
            throw CloudWatchErrors.InvalidParameterValue("DatapointsToAlarm must be between 1 and EvaluationPeriods.");
        }

        var period = Period(input);
        if (period * evaluationPeriods > MaxEvaluationRange)
        {
            throw CloudWatchErrors.InvalidParameterValue("The product of EvaluationPeriods and Period must not exceed 604800 seconds (7 days).");
        }

        var treatMissingData = input.String("TreatMissingData");
        if (treatMissingData is not null && !TreatMissingData.IsKnown(treatMissingData))
        {
            throw CloudWatchErrors.ValueNotInSet(input.PathOf("TreatMissingData"), "breaching, notBreaching, ignore, missing");
        }

        return new AlarmDefinition
        {
            AlarmName = name,
            AlarmDescription = input.String("AlarmDescription"),
            ActionsEnabled = input.Bool("ActionsEnabled") ?? true,
            OkActions = input.StringList("OKActions") ?? [],
            AlarmActions = input.StringList("AlarmActions") ?? [],
            InsufficientDataActions = input.StringList("InsufficientDataActions") ?? [],
            Metric = new MetricIdentity(CloudWatchInput.Namespace(input), CloudWatchInput.RequiredString(input, "MetricName"), CloudWatchInput.Dimensions(input)),
            Statistic = Statistic(input),
            Period = period,
            Unit = CloudWatchInput.Unit(input),
            EvaluationPeriods = (int)evaluationPeriods,
            DatapointsToAlarm = (int?)datapointsToAlarm,
            Threshold = input.Double("Threshold") ?? throw CloudWatchErrors.MissingParameter(input.PathOf("Threshold")),
            ComparisonOperator = comparison,
            TreatMissingData = treatMissingData,
        };
    }

    private static MetricStatistic Statistic(IShapeReader input)
    {
        var statistic = input.String("Statistic");
        var extended = input.String("ExtendedStatistic");
        if (statistic is not null && extended is not null)
        {
            throw CloudWatchErrors.InvalidParameterCombination("Statistic and ExtendedStatistic are mutually exclusive and you have specified both.");
        }

        if (extended is not null)
        {
            throw CloudWatchErrors.NotSupportedBySandbox(input.PathOf("ExtendedStatistic"), "percentile statistics");
        }

        if (statistic is null)
        {
            throw CloudWatchErrors.MissingParameter(input.PathOf("Statistic"));
        }

        return CloudWatchInput.Statistic(statistic)
            ?? throw CloudWatchErrors.ValueNotInSet(input.PathOf("Statistic"), "SampleCount, Average, Sum, Minimum, Maximum");
    }

    /// <summary>Alarms evaluate 10- or 30-second periods (high resolution) or multiples of a minute.</summary>
    private static TimeSpan Period(IShapeReader input)
    {
        var seconds = input.Long("Period") ?? throw CloudWatchErrors.MissingParameter(input.PathOf("Period"));
        return seconds is 10 or 30 || (seconds >= 60 && seconds % 60 == 0)
            ? TimeSpan.FromSeconds(seconds)
            : throw CloudWatchErrors.InvalidParameterValue("The parameter Period must be 10, 30, or a multiple of 60.");
    }
}
