using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.CloudWatch;
using RotationOps.Engine.Hosting;

namespace RotationOps.Engine.Canary.Gates;

/// <summary>
/// -Alarm: any named CloudWatch alarm in ALARM fails the gate, with the alarm's own reason. Metric and
/// composite alarms count alike (a composite's reason names the child that moved it); INSUFFICIENT_DATA
/// does not fail it, for either kind.
/// </summary>
internal sealed class AlarmGate : IHealthGate
{
    private readonly ICloudWatchClient _client;
    private readonly IReadOnlyList<string> _alarms;
    private readonly IRunbookHost _host;

    public AlarmGate(ICloudWatchClient client, IReadOnlyList<string> alarms, IRunbookHost host)
    {
        _client = client;
        _alarms = alarms;
        _host = host;
    }

    public async Task<GateResult> EvaluateAsync(GateContext context)
    {
        var alarms = await _client.DescribeAlarmsAsync(_alarms, _host.Cancellation).ConfigureAwait(false);
        var firing = alarms.Where(a => a.StateValue == "ALARM").ToList();
        if (firing.Count > 0)
            return new GateResult("Alarm", CheckResult.Failed,
                string.Join(" ", firing.Select(a => $"{Describe(a)} is ALARM since {a.StateUpdatedTimestamp:u}: {a.StateReason}")));
        return new GateResult("Alarm", CheckResult.Passed,
            string.Join(", ", alarms.Select(a => $"{Describe(a)} {a.StateValue}")));
    }

    /// <summary>Says which kind the alarm is: a composite's reason is about its children, not a metric.</summary>
    private static string Describe(CloudWatchAlarm alarm) => alarm.IsComposite ? $"composite alarm {alarm.AlarmName}" : alarm.AlarmName;
}
