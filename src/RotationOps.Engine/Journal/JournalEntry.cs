using System;
using System.Collections.Generic;

namespace RotationOps.Engine.Journal;

/// <summary>
/// One line of the journal: an AWS change about to be made (Phase = Intent) or its outcome
/// (Succeeded, Failed, Skipped), or a milestone of a deployment (Started, Completed, ...).
/// Holds ids, labels, versions and weights — never a secret value.
/// </summary>
public sealed class JournalEntry
{
    public DateTimeOffset Time { get; set; }
    public string DeploymentId { get; set; } = "";
    /// <summary>user@host (pid): who made the change, for audits and for resuming.</summary>
    public string Caller { get; set; } = "";
    /// <summary>The AWS operation or runbook milestone, e.g. PutSecretValue, RotationStarted.</summary>
    public string Action { get; set; } = "";
    public string Target { get; set; } = "";
    public JournalPhase Phase { get; set; }
    /// <summary>Non-secret facts: VersionId, FromVersionId, ToVersionId, Stage, Mode, Weight...</summary>
    public IDictionary<string, string> Details { get; set; } = new Dictionary<string, string>();
    public string? Error { get; set; }
}
