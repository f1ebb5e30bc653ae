using System;
using System.Collections.Generic;
using RotationOps.Sandbox.CloudWatch.Metrics;

namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>A metric alarm's configuration, as PutMetricAlarm sets it (static threshold on one metric).</summary>
public sealed record AlarmDefinition
{
    public required string AlarmName { get; init; }

    public string? AlarmDescription { get; init; }

    public bool ActionsEnabled { get; init; } = true;

    public IReadOnlyList<string> OkActions { get; init; } = [];

    public IReadOnlyList<string> AlarmActions { get; init; } = [];

    public IReadOnlyList<string> InsufficientDataActions { get; init; } = [];

    public required MetricIdentity Metric { get; init; }

    public required MetricStatistic Statistic { get; init; }

    public required TimeSpan Period { get; init; }

    public string? Unit { get; init; }

    public required int EvaluationPeriods { get; init; }

    /// <summary>M of "M out of N"; null when not set, which means N and words StateReason the classic way.</summary>
    public int? DatapointsToAlarm { get; init; }

    public required double Threshold { get; init; }

    public required string ComparisonOperator { get; init; }

    /// <summary>As given; null when not set (treated as <c>missing</c>).</summary>
    public string? TreatMissingData { get; init; }
}
