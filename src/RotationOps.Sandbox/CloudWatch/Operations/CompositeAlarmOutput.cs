using RotationOps.Sandbox.CloudWatch.Alarms;
using RotationOps.Sandbox.Protocols;

namespace RotationOps.Sandbox.CloudWatch.Operations;

/// <summary>Writes one CompositeAlarm structure, members in the service model's order.</summary>
internal static class CompositeAlarmOutput
{
    public static void Write(IShapeWriter output, CompositeAlarmSnapshot alarm)
    {
        var definition = alarm.Definition;
        output.StartItem();
        output.Bool("ActionsEnabled", definition.ActionsEnabled);
        MetricAlarmOutput.Strings(output, "AlarmActions", definition.AlarmActions);
        output.String("AlarmArn", alarm.AlarmArn);
        output.Timestamp("AlarmConfigurationUpdatedTimestamp", alarm.AlarmConfigurationUpdatedTimestamp);
        if (definition.AlarmDescription is not null)
        {
            output.String("AlarmDescription", definition.AlarmDescription);
        }

        output.String("AlarmName", definition.AlarmName);
        output.String("AlarmRule", definition.AlarmRule);
        MetricAlarmOutput.Strings(output, "InsufficientDataActions", definition.InsufficientDataActions);
        MetricAlarmOutput.Strings(output, "OKActions", definition.OkActions);
        output.String("StateReason", alarm.StateReason);
        if (alarm.StateReasonData is not null)
        {
            output.String("StateReasonData", alarm.StateReasonData);
        }

        output.Timestamp("StateUpdatedTimestamp", alarm.StateUpdatedTimestamp);
        output.String("StateValue", alarm.StateValue);
        output.Timestamp("StateTransitionedTimestamp", alarm.StateTransitionedTimestamp);
        output.EndItem();
    }
}
