using System;
using System.Collections.Generic;
using System.Linq;

namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>One metric alarm's configuration and state, and when it is next evaluated. Guarded by the metric store's lock.</summary>
internal sealed class MetricAlarm(AlarmDefinition definition, string arn, DateTimeOffset createdAt)
    : AlarmState(definition.AlarmName, arn, createdAt)
{
    public AlarmDefinition Definition { get; set; } = definition;

    public override IEnumerable<string> Actions => Definition.OkActions.Concat(Definition.AlarmActions).Concat(Definition.InsufficientDataActions);

    /// <summary>The next instant at which the alarm evaluates its metric.</summary>
    public DateTimeOffset NextEvaluation { get; set; }

    public AlarmSnapshot Snapshot() => new(
        Definition, Arn, StateValue, StateReason, StateReasonData, StateUpdatedTimestamp, StateTransitionedTimestamp, ConfigurationUpdatedTimestamp);
}
