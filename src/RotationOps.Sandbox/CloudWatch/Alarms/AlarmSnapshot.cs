using System;

namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>An alarm as DescribeAlarms would show it at one instant.</summary>
/// <param name="StateValue">One of <see cref="AlarmStates"/>.</param>
/// <param name="StateReasonData">JSON, or null (a new alarm, or SetAlarmState without data).</param>
public sealed record AlarmSnapshot(
    AlarmDefinition Definition,
    string AlarmArn,
    string StateValue,
    string StateReason,
    string? StateReasonData,
    DateTimeOffset StateUpdatedTimestamp,
    DateTimeOffset StateTransitionedTimestamp,
    DateTimeOffset AlarmConfigurationUpdatedTimestamp);
