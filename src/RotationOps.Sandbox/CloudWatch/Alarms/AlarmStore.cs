using System;
using System.Collections.Generic;

namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>The account's metric alarms by name, in name order as DescribeAlarms lists them. Guarded by the metric store's lock.</summary>
internal sealed class AlarmStore(string region, string accountId)
{
    private readonly SortedDictionary<string, MetricAlarm> byName = new(StringComparer.Ordinal);

    public IEnumerable<MetricAlarm> All => byName.Values;

    public MetricAlarm? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>Creates the alarm (INSUFFICIENT_DATA) or replaces an existing one's configuration, keeping its state, as AWS does.</summary>
    public MetricAlarm Put(AlarmDefinition definition, DateTimeOffset now)
    {
        if (byName.TryGetValue(definition.AlarmName, out var existing))
        {
            existing.Definition = definition;
            existing.ConfigurationUpdatedTimestamp = now;
            return existing;
        }

        var alarm = new MetricAlarm(definition, $"arn:aws:cloudwatch:{region}:{accountId}:alarm:{definition.AlarmName}", now);
        byName[definition.AlarmName] = alarm;
        return alarm;
    }

    public void Delete(string name) => byName.Remove(name);
}
