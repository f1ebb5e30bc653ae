using System;

namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>
/// An alarm as DescribeAlarms would show it at one instant. StateValue is one of <see cref="AlarmStates"/>;
/// StateReasonData is JSON, or null (a new alarm, or SetAlarmState without data).
/// </summary>
public sealed record AlarmSnapshot(
    AlarmDefinition Definition,
    string AlarmArn,
    string StateValue,
    string StateReason,
    string? StateReasonData,
    DateTimeOffset StateUpdatedTimestamp,
    DateTimeOffset StateTransitionedTimestamp,
    DateTimeOffset AlarmConfigurationUpdatedTimestamp);
