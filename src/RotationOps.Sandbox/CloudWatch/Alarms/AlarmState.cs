using System;
using System.Collections.Generic;

namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>
/// What metric and composite alarms share: ARN and state. Composite alarms watch these fields of
/// the alarms their rule names. Guarded by the metric store's lock.
/// </summary>
internal abstract class AlarmState(string name, string arn, DateTimeOffset createdAt)
{
    public string Name { get; } = name;

    public string Arn { get; } = arn;

    public string StateValue { get; private set; } = AlarmStates.InsufficientData;

    public string StateReason { get; private set; } = "Unchecked: Initial alarm creation";

    public string? StateReasonData { get; private set; }

    public DateTimeOffset StateUpdatedTimestamp { get; private set; } = createdAt;

    public DateTimeOffset StateTransitionedTimestamp { get; private set; } = createdAt;

    public DateTimeOffset ConfigurationUpdatedTimestamp { get; set; } = createdAt;

    /// <summary>OK, ALARM and INSUFFICIENT_DATA actions together (what DescribeAlarms' ActionPrefix matches).</summary>
    public abstract IEnumerable<string> Actions { get; }

    /// <summary>Sets the state (an evaluation's transition, or SetAlarmState); the value may stay the same.</summary>
    public void SetState(string value, string reason, string? reasonData, DateTimeOffset at)
    {
        if (value != StateValue)
        {
            StateTransitionedTimestamp = at;
        }

        StateValue = value;
        StateReason = reason;
        StateReasonData = reasonData;
        StateUpdatedTimestamp = at;
    }
}
