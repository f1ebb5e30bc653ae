using RotationOps.Sandbox.CloudWatch.Alarms;
using System.Collections.Generic;
using RotationOps.Sandbox.Protocols;

namespace RotationOps.Sandbox.CloudWatch.Operations;

/// <summary>Writes one MetricAlarm structure, members in the service model's order.</summary>
internal static class MetricAlarmOutput
{
    public static void Write(IShapeWriter output, AlarmSnapshot alarm)
    {
        var definition = alarm.Definition;
        output.StartItem();
        output.String("AlarmName", definition.AlarmName);
        output.String("AlarmArn", alarm.AlarmArn);
        if (definition.AlarmDescription is not null)
        {
            output.String("AlarmDescription", definition.AlarmDescription);
        }

        output.Timestamp("AlarmConfigurationUpdatedTimestamp", alarm.AlarmConfigurationUpdatedTimestamp);
        output.Bool("ActionsEnabled", definition.ActionsEnabled);
        Strings(output, "OKActions", definition.OkActions);
        Strings(output, "AlarmActions", definition.AlarmActions);
        Strings(output, "InsufficientDataActions", definition.InsufficientDataActions);
        output.String("StateValue", alarm.StateValue);
        output.String("StateReason", alarm.StateReason);
        if (alarm.StateReasonData is not null)
        {
            output.String("StateReasonData", alarm.StateReasonData);
        }

        output.Timestamp("StateUpdatedTimestamp", alarm.StateUpdatedTimestamp);
        output.String("MetricName", definition.Metric.MetricName);
        output.String("Namespace", definition.Metric.Namespace);
        output.String("Statistic", definition.Statistic.ToString());
        output.StartList("Dimensions");
        foreach (var dimension in definition.Metric.Dimensions)
        {
            output.StartItem();
            output.String("Name", dimension.Key);
            output.String("Value", dimension.Value);
            output.EndItem();
        }

        output.EndList();
        output.Long("Period", (long)definition.Period.TotalSeconds);
        if (definition.Unit is not null)
        {
            output.String("Unit", definition.Unit);
        }

        output.Long("EvaluationPeriods", definition.EvaluationPeriods);
        if (definition.DatapointsToAlarm is { } datapointsToAlarm)
        {
            output.Long("DatapointsToAlarm", datapointsToAlarm);
        }

        output.Double("Threshold", definition.Threshold);
        output.String("ComparisonOperator", definition.ComparisonOperator);
        if (definition.TreatMissingData is not null)
        {
            output.String("TreatMissingData", definition.TreatMissingData);
        }

        output.Timestamp("StateTransitionedTimestamp", alarm.StateTransitionedTimestamp);
        output.EndItem();
    }

    public static void Strings(IShapeWriter output, string member, IReadOnlyList<string> values)
    {
        output.StartList(member);
        foreach (var value in values)
        {
            output.StringItem(value);
        }

        output.EndList();
    }
}
