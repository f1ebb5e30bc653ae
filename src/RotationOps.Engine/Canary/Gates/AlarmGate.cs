using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.CloudWatch;
using RotationOps.Engine.Hosting;

namespace RotationOps.Engine.Canary.Gates;

/// <summary>-Alarm: any named CloudWatch alarm in ALARM fails the gate, with the alarm's own reason.</summary>
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
                string.Join(" ", firing.Select(a => $"{a.AlarmName} is ALARM since {a.StateUpdatedTimestamp:u}: {a.StateReason}")));
        return new GateResult("Alarm", CheckResult.Passed,
            string.Join(", ", alarms.Select(a => $"{a.AlarmName} {a.StateValue}")));
    }
}
