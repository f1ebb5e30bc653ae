using System;
using System.Collections.Generic;
using RotationOps.Engine.Canary.Gates;

namespace RotationOps.Bench;

/// <summary>
/// One simulated bake's traffic: every invocation routed to the canary with the alias's weight (as
/// Lambda routes, per invocation at random) and failing at its version's error rate; the counts are
/// cumulative from the step's start, one snapshot per minute, as a poll reads them from CloudWatch.
/// </summary>
internal static class TrafficTrajectory
{
    public static IReadOnlyList<CanaryMetricsSnapshot> Generate(Random random, int minutes, int invocationsPerMinute, double weight,
        double canaryErrorRate, double stableErrorRate)
    {
        var snapshots = new List<CanaryMetricsSnapshot>(minutes);
        double canaryInvocations = 0, canaryErrors = 0, stableInvocations = 0, stableErrors = 0;
        for (var minute = 0; minute < minutes; minute++)
        {
            for (var call = 0; call < invocationsPerMinute; call++)
            {
                if (random.NextDouble() < weight)
                {
                    canaryInvocations++;
                    canaryErrors += random.NextDouble() < canaryErrorRate ? 1 : 0;
                }
                else
                {
                    stableInvocations++;
                    stableErrors += random.NextDouble() < stableErrorRate ? 1 : 0;
                }
            }

            snapshots.Add(new CanaryMetricsSnapshot
            {
                CanaryInvocations = canaryInvocations, CanaryErrors = canaryErrors, StableInvocations = stableInvocations, StableErrors = stableErrors,
            });
        }

        return snapshots;
    }
}
