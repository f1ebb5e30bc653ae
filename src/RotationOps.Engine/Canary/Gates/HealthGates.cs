using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.CloudWatch;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Hosting;

namespace RotationOps.Engine.Canary.Gates;

/// <summary>Turns Set-AliasWeight's gate parameters into the gates polled during bakes.</summary>
internal static class HealthGates
{
    /// <summary>
    /// The gates a request asks for; alarm names are checked to exist before any change. The
    /// sequential verdict's α is split across the <c>bakedSteps</c> steps that will bake.
    /// </summary>
    public static async Task<IReadOnlyList<IHealthGate>> BuildAsync(TrafficShiftRequest request, int bakedSteps, ICloudWatchClient? cloudWatch, AwsLocation location, IRunbookHost host)
    {
        var gates = new List<IHealthGate>();
        if ((request.Alarms.Count > 0 || request.HasMetricGates) && cloudWatch == null)
            throw new InvalidOperationException("Health gates need the CloudWatch client.");
        if (request.Alarms.Count > 0)
        {
            var found = await cloudWatch!.DescribeAlarmsAsync(request.Alarms, host.Cancellation).ConfigureAwait(false);
            var missing = request.Alarms.Where(a => found.All(f => f.AlarmName != a)).ToList();
            if (missing.Count > 0)
                throw RunbookException.InvalidParameter("Alarm", $"no CloudWatch alarm, metric or composite, named {string.Join(", ", missing)} in this account and region.");
            gates.Add(new AlarmGate(cloudWatch, request.Alarms, host));
        }
        if (request.MaxErrorRate is double maxRate) gates.Add(new ErrorRateGate(maxRate, request.MinInvocations));
        if (request.MaxErrorRateIncrease is double increase) gates.Add(new StableComparisonGate(increase, request.MinInvocations));
        if (request.HealthCheck != null) gates.Add(new ScriptGate(request.HealthCheck, location, host.Cancellation));
        // Each baked step is a test of its own; splitting α evenly (Bonferroni) keeps the stated bound
        // for the whole run: a healthy canary is rolled back by the verdict at most α of the time.
        if (request.Verdict == CanaryVerdict.Sequential && bakedSteps > 0)
            gates.Add(new SequentialGate(new SequentialVerdict((request.FalseRollbackRate ?? SequentialVerdict.DefaultFalseRollbackRate) / bakedSteps), request.MinInvocations));
        return gates;
    }
}
