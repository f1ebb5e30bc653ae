using System;
using System.Text.Json;
using RotationOps.Sandbox.CloudWatch.Alarms;
using RotationOps.Sandbox.Protocols;

namespace RotationOps.Sandbox.CloudWatch.Operations;

/// <summary>
/// SetAlarmState: forces a state, with the caller's reason, until the alarm's next evaluation
/// (within a minute) puts it back where the data says it belongs, as AWS does.
/// </summary>
internal sealed class SetAlarmStateOperation(AlarmStore alarms, AlarmEvaluator evaluator) : ICloudWatchOperation
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

        var alarm = alarms.Find(name) ?? throw CloudWatchErrors.AlarmNotFound(name);
        alarm.SetState(state, reason, reasonData, now);
        evaluator.Reschedule(alarm, now);
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
