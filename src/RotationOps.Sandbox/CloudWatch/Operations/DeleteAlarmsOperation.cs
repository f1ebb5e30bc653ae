using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.CloudWatch.Alarms;
using RotationOps.Sandbox.Protocols;

namespace RotationOps.Sandbox.CloudWatch.Operations;

/// <summary>
/// DeleteAlarms: up to 100 names of either kind, at most one of them a composite alarm; if any does not
/// exist, or a composite alarm that stays names one of them, nothing is deleted (AWS: "In the event of
/// an error, no alarms are deleted"; a cycle of composites cannot be deleted until a rule is changed).
/// </summary>
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

        var missing = names.Where(n => alarms.FindAny(n) is null).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw CloudWatchErrors.AlarmsNotFound(string.Join(", ", missing));
        }

        var doomed = new HashSet<string>(names, StringComparer.Ordinal);
        if (doomed.Count(n => alarms.FindComposite(n) is not null) > 1)
        {
            throw CloudWatchErrors.Validation("You can delete at most one composite alarm in one DeleteAlarms call.");
        }

        foreach (var name in doomed)
        {
            var parents = alarms.ParentsOf(alarms.FindAny(name)!).Where(p => !doomed.Contains(p.Name)).Select(p => p.Name).ToList();
            if (parents.Count > 0)
            {
                throw CloudWatchErrors.AlarmInUse(name, string.Join(", ", parents));
            }
        }

        foreach (var name in names)
        {
            alarms.Delete(name);
        }
    }
}
