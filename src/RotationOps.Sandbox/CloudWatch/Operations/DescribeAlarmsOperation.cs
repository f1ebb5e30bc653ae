using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using RotationOps.Sandbox.CloudWatch.Alarms;
using RotationOps.Sandbox.Protocols;

namespace RotationOps.Sandbox.CloudWatch.Operations;

/// <summary>
/// DescribeAlarms: alarms of the kinds AlarmTypes asks for (metric alarms only when omitted) in name
/// order, filtered by names (at most 100) or a name prefix, state, action prefix, or a composite's
/// children or an alarm's composite parents, paged by MaxRecords (default 50) across both kinds.
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
        var kinds = Kinds(input);
        var related = Related(input);
        var wanted = names is { Count: > 0 } ? new HashSet<string>(names, StringComparer.Ordinal) : null;

        // Both kinds share one name space, so one name-ordered sequence pages them together.
        List<AlarmState> matching = alarms.All.Where(_ => kinds.Metric).Cast<AlarmState>()
            .Concat(alarms.Composites.Where(_ => kinds.Composite))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .Where(a => after is null || string.CompareOrdinal(a.Name, after) > 0)
            .Where(a => related is null || related.Contains(a))
            .Where(a => wanted is null || wanted.Contains(a.Name))
            .Where(a => prefix is null || a.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Where(a => state is null || a.StateValue == state)
            .Where(a => actionPrefix is null || HasActionWithPrefix(a, actionPrefix))
            .Take((int)maxRecords + 1)
            .ToList();
        var page = matching.Take((int)maxRecords).ToList();

        output.StartList("CompositeAlarms");
        foreach (var alarm in page.OfType<CompositeAlarm>())
        {
            CompositeAlarmOutput.Write(output, alarm.Snapshot());
        }

        output.EndList();
        output.StartList("MetricAlarms");
        foreach (var alarm in page.OfType<MetricAlarm>())
        {
            MetricAlarmOutput.Write(output, alarm.Snapshot());
        }

        output.EndList();
        if (matching.Count > maxRecords)
        {
            output.String("NextToken", EncodeToken(page[^1].Name));
        }
    }

    /// <summary>AlarmTypes: omitted means metric alarms only, as AWS answers callers that predate composite alarms.</summary>
    private static (bool Metric, bool Composite) Kinds(IShapeReader input)
    {
        var types = input.StringList("AlarmTypes");
        if (types is null || types.Count == 0)
        {
            return (true, false);
        }

        var unknown = types.FirstOrDefault(t => t is not ("MetricAlarm" or "CompositeAlarm"));
        return unknown is null
            ? (types.Contains("MetricAlarm"), types.Contains("CompositeAlarm"))
            : throw CloudWatchErrors.ValueNotInSet(input.PathOf("AlarmTypes"), "CompositeAlarm, MetricAlarm");
    }

    /// <summary>ChildrenOfAlarmName (the alarms a composite's rule names) or ParentsOfAlarmName (the composites naming an alarm); null when neither is given.</summary>
    private HashSet<AlarmState>? Related(IShapeReader input)
    {
        var childrenOf = input.String("ChildrenOfAlarmName");
        var parentsOf = input.String("ParentsOfAlarmName");
        if (childrenOf is not null)
        {
            var composite = alarms.FindComposite(childrenOf);
            return composite is null ? [] : composite.Rule.References.Select(alarms.FindAny).OfType<AlarmState>().ToHashSet();
        }

        if (parentsOf is not null)
        {
            var alarm = alarms.FindAny(parentsOf);
            return alarm is null ? [] : alarms.ParentsOf(alarm).Cast<AlarmState>().ToHashSet();
        }

        return null;
    }

    private static bool HasActionWithPrefix(AlarmState alarm, string prefix) =>
        alarm.Actions.Any(action => action.StartsWith(prefix, StringComparison.Ordinal));

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
