using System;

namespace RotationOps
{
    /// <summary>What Undo-Deployment did: an alias put back on one version, or AWSCURRENT moved back.</summary>
    public sealed class RollbackResult
    {
        public string DeploymentId { get; set; } = "";
        /// <summary>"Alias" or "Secret".</summary>
        public string Kind { get; set; } = "";
        /// <summary>function:alias, or the secret's ARN.</summary>
        public string Target { get; set; } = "";
        public string FromVersion { get; set; } = "";
        public string ToVersion { get; set; } = "";
        /// <summary>Completed, or NotRun (-WhatIf / declined, or nothing to undo).</summary>
        public string Status { get; set; } = "";
        public DateTimeOffset FinishedAt { get; set; }
        public string Message { get; set; } = "";
    }
}
