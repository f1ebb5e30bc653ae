using System;
using System.Collections.Generic;
using System.Linq;

namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>One composite alarm's configuration, parsed rule and state. Guarded by the metric store's lock.</summary>
internal sealed class CompositeAlarm(CompositeAlarmDefinition definition, AlarmRule rule, string arn, DateTimeOffset createdAt)
    : AlarmState(definition.AlarmName, arn, createdAt)
{
    public CompositeAlarmDefinition Definition { get; set; } = definition;

    public AlarmRule Rule { get; set; } = rule;

    public override IEnumerable<string> Actions => Definition.OkActions.Concat(Definition.AlarmActions).Concat(Definition.InsufficientDataActions);

    public CompositeAlarmSnapshot Snapshot() => new(
        Definition, Arn, StateValue, StateReason, StateReasonData, StateUpdatedTimestamp, StateTransitionedTimestamp, ConfigurationUpdatedTimestamp);
}
