using System;
using System.Linq;
using RotationOps.Sandbox.CloudWatch.Alarms;
using RotationOps.Sandbox.Protocols;

namespace RotationOps.Sandbox.CloudWatch.Operations;

/// <summary>DeleteAlarms: up to 100 names; if any does not exist, nothing is deleted (AWS: "In the event of an error, no alarms are deleted").</summary>
internal sealed class DeleteAlarmsOperation(AlarmStore alarms) : ICloudWatchOperation
{
    private const int MaxNames = 100;

    public string Name => "DeleteAlarms";

    public bool HasResult => false;

    public void Execute(IShapeReader input, IShapeWriter output, DateTimeOffset now)
    {
        var names = input.StringList("AlarmNames") ?? throw CloudWatchErrors.MissingParameter(input.PathOf("AlarmNames"));
        if (names.Count > MaxNames)
        {
            throw CloudWatchErrors.Validation($"The collection AlarmNames must not have a size greater than {MaxNames}.");
        }

        var missing = names.Where(n => alarms.Find(n) is null).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw CloudWatchErrors.AlarmsNotFound(string.Join(", ", missing));
        }

        foreach (var name in names)
        {
            alarms.Delete(name);
        }
    }
}
