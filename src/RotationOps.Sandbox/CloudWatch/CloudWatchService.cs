using System;
using RotationOps.Sandbox.CloudWatch.Alarms;
using RotationOps.Sandbox.CloudWatch.Metrics;
using RotationOps.Sandbox.CloudWatch.Operations;
using RotationOps.Sandbox.Hosting;

namespace RotationOps.Sandbox.CloudWatch;

/// <summary>Wires CloudWatch's metric store, alarms and operations together.</summary>
internal sealed class CloudWatchService
{
    public CloudWatchService(string region, string accountId, TimeProvider clock, CloudWatchOptions options)
    {
        var metrics = new MetricStore(clock, options.MetricDelay);
        var alarms = new AlarmStore(region, accountId);
        var composites = new CompositeAlarmEvaluator(alarms);
        var evaluator = new AlarmEvaluator(alarms, metrics, composites);
        Metrics = metrics;
        Inspector = new CloudWatchInspector(metrics, alarms, evaluator, clock);
        Endpoint = new CloudWatchEndpoint(metrics, evaluator, new CloudWatchQuotas(options, clock), clock,
        [
            new PutMetricDataOperation(metrics),
            new GetMetricDataOperation(metrics),
            new GetMetricStatisticsOperation(metrics),
            new PutMetricAlarmOperation(alarms, evaluator),
            new PutCompositeAlarmOperation(alarms, composites),
            new DescribeAlarmsOperation(alarms),
            new SetAlarmStateOperation(alarms, evaluator, composites),
            new DeleteAlarmsOperation(alarms),
        ]);
    }

    /// <summary>Where simulated services publish their metrics.</summary>
    public MetricStore Metrics { get; }

    public IServiceEndpoint Endpoint { get; }

    public CloudWatchInspector Inspector { get; }
}
