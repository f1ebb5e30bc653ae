using System;
using System.Text.Json;
using RotationOps.Sandbox.CloudWatch.Alarms;
using RotationOps.Sandbox.Protocols;

namespace RotationOps.Sandbox.CloudWatch.Operations;

/// <summary>
/// SetAlarmState: forces a metric alarm's state, with the caller's reason, until its next evaluation
/// (within a minute) puts it back where the data says it belongs; a composite alarm's until one of its
/// children changes state, as AWS does. Composite alarms naming the alarm follow the forced state.
/// </summary>
internal sealed class SetAlarmStateOperation(AlarmStore alarms, AlarmEvaluator evaluator, CompositeAlarmEvaluator composites) : ICloudWatchOperation
{
    public string Name => "SetAlarmState";

    public bool HasResult => false;

    public void Execute(IShapeReader input, IShapeWriter output, DateTimeOffset now)
    {
        var name = CloudWatchInput.RequiredString(input, "AlarmName");
        var state = CloudWatchInput.RequiredString(input, "StateValue");
        if (!AlarmStates.IsKnown(state))
        {
            throw CloudWatchErrors.ValueNotInSet(input.PathOf("StateValue"), "OK, ALARM, INSUFFICIENT_DATA");
        }

        var reason = input.String("StateReason") ?? throw CloudWatchErrors.MissingParameter(input.PathOf("StateReason"));
        var reasonData = input.String("StateReasonData");
        if (reasonData is not null && !IsJson(reasonData))
        {
            throw CloudWatchErrors.InvalidFormat("The parameter StateReasonData must be valid JSON.");
        }

        var alarm = alarms.FindAny(name) ?? throw CloudWatchErrors.AlarmNotFound(name);
        var changed = alarm.StateValue != state;
        alarm.SetState(state, reason, reasonData, now);
        if (alarm is MetricAlarm metricAlarm)
        {
            evaluator.Reschedule(metricAlarm, now);
        }

        if (changed)
        {
            composites.Propagate(alarm, now);
        }
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
