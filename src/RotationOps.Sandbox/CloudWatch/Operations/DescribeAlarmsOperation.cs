using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using RotationOps.Sandbox.CloudWatch.Alarms;
using RotationOps.Sandbox.Protocols;

namespace RotationOps.Sandbox.CloudWatch.Operations;

/// <summary>
/// DescribeAlarms: metric alarms in name order, filtered by names (at most 100) or a name prefix,
/// state and action prefix, paged by MaxRecords (default 50).
/// Composite alarms do not exist here, so asking only for them returns none.
/// </summary>
internal sealed class DescribeAlarmsOperation(AlarmStore alarms) : ICloudWatchOperation
{
    private const int MaxNames = 100;
    private const int DefaultMaxRecords = 50;
    private const string TokenPrefix = "sandbox-alarms-after:";

    public string Name => "DescribeAlarms";

    public bool HasResult => true;

    public void Execute(IShapeReader input, IShapeWriter output, DateTimeOffset now)
    {
        var names = input.StringList("AlarmNames");
        var prefix = input.String("AlarmNamePrefix");
        if (names is { Count: > MaxNames })
        {
            throw CloudWatchErrors.Validation($"The collection AlarmNames must not have a size greater than {MaxNames}.");
        }

        if (names is { Count: > 0 } && prefix is not null)
        {
            throw CloudWatchErrors.InvalidParameterCombination("AlarmNames and AlarmNamePrefix are mutually exclusive and you have specified both.");
        }

        var state = input.String("StateValue");
        if (state is not null && !AlarmStates.IsKnown(state))
        {
            throw CloudWatchErrors.ValueNotInSet(input.PathOf("StateValue"), "OK, ALARM, INSUFFICIENT_DATA");
        }

        var maxRecords = input.Long("MaxRecords") ?? DefaultMaxRecords;
        if (maxRecords is < 1 or > 100)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The parameter {input.PathOf("MaxRecords")} must be between 1 and 100.");
        }

        var after = DecodeToken(input.String("NextToken"));
        var actionPrefix = input.String("ActionPrefix");
        var types = input.StringList("AlarmTypes");
        var metricAlarmsWanted = (types is null || types.Count == 0 || types.Contains("MetricAlarm"))
            && !input.Has("ChildrenOfAlarmName") && !input.Has("ParentsOfAlarmName");

        var wanted = names is { Count: > 0 } ? new HashSet<string>(names, StringComparer.Ordinal) : null;
        List<MetricAlarm> matching = !metricAlarmsWanted ? [] : alarms.All
            .Where(a => after is null || string.CompareOrdinal(a.Definition.AlarmName, after) > 0)
            .Where(a => wanted is null || wanted.Contains(a.Definition.AlarmName))
            .Where(a => prefix is null || a.Definition.AlarmName.StartsWith(prefix, StringComparison.Ordinal))
            .Where(a => state is null || a.StateValue == state)
            .Where(a => actionPrefix is null || HasActionWithPrefix(a.Definition, actionPrefix))
            .Take((int)maxRecords + 1)
            .ToList();

        output.StartList("CompositeAlarms");
        output.EndList();
        output.StartList("MetricAlarms");
        foreach (var alarm in matching.Take((int)maxRecords))
        {
            MetricAlarmOutput.Write(output, alarm.Snapshot());
        }

        output.EndList();
        if (matching.Count > maxRecords)
        {
            output.String("NextToken", EncodeToken(matching[(int)maxRecords - 1].Definition.AlarmName));
        }
    }

    private static bool HasActionWithPrefix(AlarmDefinition definition, string prefix) =>
        definition.OkActions.Concat(definition.AlarmActions).Concat(definition.InsufficientDataActions)
            .Any(action => action.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The token names the last alarm returned, so paging stays right when alarms come and go in between.</summary>
    private static string EncodeToken(string lastName) => Convert.ToBase64String(Encoding.UTF8.GetBytes(TokenPrefix + lastName));

    private static string? DecodeToken(string? token)
    {
        if (token is null)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith(TokenPrefix, StringComparison.Ordinal))
            {
                return text[TokenPrefix.Length..];
            }
        }
        catch (FormatException)
        {
            // Not base64: the same answer as any other foreign token.
        }

        throw CloudWatchErrors.InvalidNextToken();
    }
}
