using System;
using System.Collections.Generic;
using RotationOps.Engine.Canary.Gates;

namespace RotationOps.Engine.Canary
{
    /// <summary>One alias's traffic move, as Set-AliasWeight was asked.</summary>
    public sealed class TrafficShiftRequest
    {
        /// <summary>A deployment piped in (from Publish-LambdaCanary), if any.</summary>
        public LambdaDeployment? Deployment { get; set; }
        /// <summary>Resume a journaled deployment.</summary>
        public string? DeploymentId { get; set; }
        /// <summary>Otherwise, the alias: its current routing says which versions are stable and canary.</summary>
        public string? FunctionName { get; set; }
        public string? AliasName { get; set; }

        /// <summary>Exactly one of Weight, Promote or Steps.</summary>
        public double? Weight { get; set; }
        public bool Promote { get; set; }
        public IReadOnlyList<double>? Steps { get; set; }

        /// <summary>How long each step (and a single -Weight) bakes under the gates.</summary>
        public TimeSpan BakeTime { get; set; }
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

        public IReadOnlyList<string> Alarms { get; set; } = Array.Empty<string>();
        public double? MaxErrorRate { get; set; }
        public double? MaxErrorRateIncrease { get; set; }
        public int MinInvocations { get; set; } = 100;
        public IHealthCheck? HealthCheck { get; set; }

        /// <summary>Leave the alias split when a gate fails (and say so), instead of rolling back.</summary>
        public bool NoRollback { get; set; }
        /// <summary>Go on although the alias no longer matches the deployment.</summary>
        public bool Force { get; set; }

        public bool HasMetricGates => MaxErrorRate != null || MaxErrorRateIncrease != null;
    }
}
