using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.CloudWatch.Alarms;
using RotationOps.Sandbox.CloudWatch.Metrics;

namespace RotationOps.Sandbox.CloudWatch;

/// <summary>
/// The in-process view of the CloudWatch twin: its metric store (which simulated services publish
/// to, and tests may seed and query directly) and its alarms. Alarm reads first bring every alarm
/// (metric and composite) up to date with the clock, as a DescribeAlarms call would.
/// </summary>
public sealed class CloudWatchInspector
{
    private readonly AlarmStore alarms;
    private readonly AlarmEvaluator evaluator;
    private readonly TimeProvider clock;

    internal CloudWatchInspector(MetricStore metrics, AlarmStore alarms, AlarmEvaluator evaluator, TimeProvider clock)
    {
        Metrics = metrics;
        this.alarms = alarms;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /// <summary>The metric data; also the <see cref="Sandbox.Metrics.IMetricSink"/> simulated services publish to.</summary>
    public MetricStore Metrics { get; }

    /// <summary>
    /// Makes lazy publishers (simulated traffic) publish what is due before alarms are read, as every
    /// request does first. Called outside the store's lock: publishers take their own lock, then the store's.
    /// </summary>
    internal Action? CatchUpPublishers { get; set; }

    /// <summary>Every metric alarm, in name order.</summary>
    public IReadOnlyList<AlarmSnapshot> Alarms
    {
        get
        {
            CatchUpPublishers?.Invoke();
            lock (Metrics.Gate)
            {
                evaluator.CatchUp(clock.GetUtcNow());
                return alarms.All.Select(a => a.Snapshot()).ToList();
            }
        }
    }

    /// <summary>One alarm by name; null when there is none.</summary>
    public AlarmSnapshot? FindAlarm(string name)
    {
        CatchUpPublishers?.Invoke();
        lock (Metrics.Gate)
        {
            evaluator.CatchUp(clock.GetUtcNow());
            return alarms.Find(name)?.Snapshot();
        }
    }

    /// <summary>One composite alarm by name; null when there is none.</summary>
    public CompositeAlarmSnapshot? FindCompositeAlarm(string name)
    {
        CatchUpPublishers?.Invoke();
        lock (Metrics.Gate)
        {
            evaluator.CatchUp(clock.GetUtcNow());
            return alarms.FindComposite(name)?.Snapshot();
        }
    }
}
