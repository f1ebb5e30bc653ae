using System;

namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>A composite alarm as DescribeAlarms would show it at one instant (see <see cref="AlarmSnapshot"/>).</summary>
public sealed record CompositeAlarmSnapshot(
    CompositeAlarmDefinition Definition,
    string AlarmArn,
    string StateValue,
    string StateReason,
    string? StateReasonData,
    DateTimeOffset StateUpdatedTimestamp,
    DateTimeOffset StateTransitionedTimestamp,
    DateTimeOffset AlarmConfigurationUpdatedTimestamp);
