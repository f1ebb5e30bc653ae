using System;

namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>One alarm's configuration and state, and when it is next evaluated. Guarded by the metric store's lock.</summary>
internal sealed class MetricAlarm(AlarmDefinition definition, string arn, DateTimeOffset createdAt)
{
    public AlarmDefinition Definition { get; set; } = definition;

    public string Arn { get; } = arn;

    public string StateValue { get; private set; } = AlarmStates.InsufficientData;

    public string StateReason { get; private set; } = "Unchecked: Initial alarm creation";

    public string? StateReasonData { get; private set; }

    public DateTimeOffset StateUpdatedTimestamp { get; private set; } = createdAt;

    public DateTimeOffset StateTransitionedTimestamp { get; private set; } = createdAt;

    public DateTimeOffset ConfigurationUpdatedTimestamp { get; set; } = createdAt;

    /// <summary>The next instant at which the alarm evaluates its metric.</summary>
    public DateTimeOffset NextEvaluation { get; set; }

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

    public AlarmSnapshot Snapshot() => new(
        Definition, Arn, StateValue, StateReason, StateReasonData, StateUpdatedTimestamp, StateTransitionedTimestamp, ConfigurationUpdatedTimestamp);
}
