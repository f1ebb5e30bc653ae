using System;
using System.Collections.Generic;
using System.Linq;

namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>
/// The account's metric and composite alarms by name (one name space for both kinds, in name order
/// as DescribeAlarms lists them). Guarded by the metric store's lock.
/// </summary>
internal sealed class AlarmStore(string region, string accountId)
{
    private readonly SortedDictionary<string, MetricAlarm> byName = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, CompositeAlarm> compositesByName = new(StringComparer.Ordinal);

    private string ArnPrefix => $"arn:aws:cloudwatch:{region}:{accountId}:alarm:";

    public IEnumerable<MetricAlarm> All => byName.Values;

    public IEnumerable<CompositeAlarm> Composites => compositesByName.Values;

    public MetricAlarm? Find(string name) => byName.GetValueOrDefault(name);

    public CompositeAlarm? FindComposite(string name) => compositesByName.GetValueOrDefault(name);

    /// <summary>
    /// An alarm of either kind by name, or by ARN as an AlarmRule may name it; an ARN of another
    /// account or region names no alarm here.
    /// </summary>
    public AlarmState? FindAny(string nameOrArn)
    {
        var name = nameOrArn.StartsWith(ArnPrefix, StringComparison.Ordinal) ? nameOrArn[ArnPrefix.Length..] : nameOrArn;
        return (AlarmState?)Find(name) ?? FindComposite(name);
    }

    /// <summary>The composite alarms whose rule names <paramref name="alarm"/>.</summary>
    public IEnumerable<CompositeAlarm> ParentsOf(AlarmState alarm) =>
        Composites.Where(c => c.Rule.References.Any(r => ReferenceEquals(FindAny(r), alarm)));

    /// <summary>Creates the alarm (INSUFFICIENT_DATA) or replaces an existing one's configuration, keeping its state, as AWS does.</summary>
    public MetricAlarm Put(AlarmDefinition definition, DateTimeOffset now)
    {
        if (byName.TryGetValue(definition.AlarmName, out var existing))
        {
            existing.Definition = definition;
            existing.ConfigurationUpdatedTimestamp = now;
            return existing;
        }

        var alarm = new MetricAlarm(definition, ArnPrefix + definition.AlarmName, now);
        byName[definition.AlarmName] = alarm;
        return alarm;
    }

    /// <summary>Creates the composite alarm (INSUFFICIENT_DATA until evaluated) or replaces an existing one's configuration and rule.</summary>
    public CompositeAlarm PutComposite(CompositeAlarmDefinition definition, AlarmRule rule, DateTimeOffset now)
    {
        if (compositesByName.TryGetValue(definition.AlarmName, out var existing))
        {
            existing.Definition = definition;
            existing.Rule = rule;
            existing.ConfigurationUpdatedTimestamp = now;
            return existing;
        }

        var alarm = new CompositeAlarm(definition, rule, ArnPrefix + definition.AlarmName, now);
        compositesByName[definition.AlarmName] = alarm;
        return alarm;
    }

    public void Delete(string name)
    {
        byName.Remove(name);
        compositesByName.Remove(name);
    }
}
