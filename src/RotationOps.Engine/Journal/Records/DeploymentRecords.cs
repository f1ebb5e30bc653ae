using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Canary;
using RotationOps.Engine.Lambda;

namespace RotationOps.Engine.Journal.Records;

/// <summary>
/// Writes a canary deployment's transitions to the journal and reads them back (ids, versions,
/// weight, steps — never values): the one answer to "where is this deployment?", so that
/// Set-AliasWeight resumes it, Undo-Deployment undoes it and a second deployer is told about it,
/// from another process, another machine sharing the journal table, or after a crash.
/// The only code that knows how a deployment is spelled in journal entries.
/// </summary>
internal static class DeploymentRecords
{
    /// <summary>
    /// The alias a deployment moves, as its journal entries and its lock name it: the alias ARN, which
    /// names region and account too, so one journal keeps apart the same function:alias deployed in
    /// several regions or accounts by one fleet run. function:alias only if AWS gave no ARN.
    /// </summary>
    public static string TargetOf(CanaryRun deployment) => TargetOf(deployment.AliasArn, deployment.FunctionName, deployment.AliasName);

    /// <summary>The journal target of <paramref name="alias"/> of <paramref name="function"/>, as <see cref="TargetOf(CanaryRun)"/>.</summary>
    public static string TargetOf(AliasConfiguration alias, string function) => TargetOf(alias.AliasArn, function, alias.Name);

    /// <summary>The alias as plans and messages show it: function:alias.</summary>
    public static string NameOf(CanaryRun deployment) => $"{deployment.FunctionName}:{deployment.AliasName}";

    private static string TargetOf(string? aliasArn, string function, string alias) =>
        string.IsNullOrEmpty(aliasArn) ? $"{function}:{alias}" : aliasArn!;

    /// <summary>Started: the deployment about to route <paramref name="weight"/> to its canary.</summary>
    public static Task StartedAsync(DeploymentJournal journal, CanaryRun deployment, double weight) =>
        journal.AppendAsync(deployment.DeploymentId, JournalActions.LambdaDeployment, TargetOf(deployment), JournalPhase.Started,
            ToDetails(deployment, weight));

    /// <summary>
    /// The deployment's state now (its Status, weight and steps), as <paramref name="phase"/>:
    /// Succeeded for a step reached, Completed/Aborted/Skipped for an end; <paramref name="error"/> says why it stopped.
    /// </summary>
    public static Task TransitionAsync(DeploymentJournal journal, CanaryRun deployment, JournalPhase phase, string? error = null) =>
        journal.AppendAsync(deployment.DeploymentId, JournalActions.LambdaDeployment, TargetOf(deployment), phase,
            ToDetails(deployment, deployment.Weight), error);

    /// <summary>Still open: its alias may route to its canary, and a re-run of Set-AliasWeight picks it up.</summary>
    public static bool InFlight(CanaryRun deployment) =>
        deployment.Status == DeploymentStatus.Canary || deployment.Status == DeploymentStatus.Halted;

    /// <summary>Closed unfinished because <paramref name="laterDeploymentId"/> was started over it with -Force.</summary>
    public static Task SupersededAsync(DeploymentJournal journal, CanaryRun deployment, string laterDeploymentId)
    {
        deployment.Status = DeploymentStatus.Superseded;
        return TransitionAsync(journal, deployment, JournalPhase.Aborted,
            $"Superseded by deployment {laterDeploymentId}, started with -Force while this one was still recorded in flight.");
    }

    /// <summary>Undone: the alias serves <paramref name="restoredVersion"/> alone again.</summary>
    public static Task RolledBackAsync(DeploymentJournal journal, CanaryRun deployment, string restoredVersion) =>
        journal.AppendAsync(deployment.DeploymentId, JournalActions.LambdaDeployment, TargetOf(deployment), JournalPhase.Completed,
            JournalDetails.Of(("Status", DeploymentStatus.RolledBack.ToString()), ("RestoredVersion", restoredVersion), ("CanaryVersion", deployment.CanaryVersion)));

    private static Dictionary<string, string> ToDetails(CanaryRun deployment, double weight) =>
        JournalDetails.Of(
            ("FunctionName", deployment.FunctionName),
            ("AliasName", deployment.AliasName),
            ("AliasArn", deployment.AliasArn),
            ("StableVersion", deployment.StableVersion),
            ("CanaryVersion", deployment.CanaryVersion),
            ("Weight", weight.ToString("R", CultureInfo.InvariantCulture)),
            ("Status", deployment.Status.ToString()),
            ("SecretId", deployment.SecretId),
            ("SecretVersionId", deployment.SecretVersionId),
            ("PreviousSecretVersionId", deployment.PreviousSecretVersionId),
            ("Changes", deployment.Changes.Count > 0 ? string.Join(ChangeSeparator, deployment.Changes) : null),
            ("Steps", StepHistory.ToJson(deployment.Steps)));

    /// <summary>Change summaries hold "; " and ", " themselves; a line break never appears in one.</summary>
    private const string ChangeSeparator = "\n";

    /// <summary>The latest state of a deployment recorded in the journal, or null if it has none.</summary>
    public static async Task<CanaryRun?> FindAsync(DeploymentJournal journal, string deploymentId) =>
        FromEntries(deploymentId, await journal.ReadDeploymentAsync(deploymentId).ConfigureAwait(false));

    /// <summary>
    /// The deployment that last started on <paramref name="target"/> (function:alias): the one a
    /// command naming only the alias resumes or is told about, and the one that supersedes
    /// every earlier deployment of that alias. One read: everything the record is built from is
    /// about the alias (its milestones and its UpdateAlias moves).
    /// </summary>
    public static async Task<CanaryRun?> LatestOnAsync(DeploymentJournal journal, string target)
    {
        var entries = await journal.ReadTargetAsync(target, 5).ConfigureAwait(false);
        string? id = entries.LastOrDefault(e => e.Action == JournalActions.LambdaDeployment)?.DeploymentId;
        return id == null ? null : FromEntries(id, entries.Where(e => e.DeploymentId == id).ToList());
    }

    private static CanaryRun? FromEntries(string deploymentId, IReadOnlyList<JournalEntry> all)
    {
        var entries = all.Where(e => e.Action == JournalActions.LambdaDeployment).ToList();
        if (entries.Count == 0) return null;
        var first = entries[0];
        var last = entries.Last(e => e.Details.ContainsKey("CanaryVersion") || e == first);
        string Get(JournalEntry e, string key) => e.Details.TryGetValue(key, out var v) ? v : "";
        string? Optional(string key) => first.Details.TryGetValue(key, out var v) ? v : null;
        string? Latest(string key) => entries.LastOrDefault(e => e.Details.ContainsKey(key))?.Details[key];
        return new CanaryRun
        {
            DeploymentId = deploymentId,
            FunctionName = Get(first, "FunctionName"),
            AliasName = Get(first, "AliasName"),
            AliasArn = Latest("AliasArn"),
            StableVersion = Get(first, "StableVersion"),
            CanaryVersion = Get(last, "CanaryVersion"),
            Weight = RecordedWeight(all, last),
            Status = Enum.TryParse<DeploymentStatus>(Get(last, "Status"), out var s) ? s : DeploymentStatus.Canary,
            Changes = Latest("Changes")?.Split(new[] { ChangeSeparator }, StringSplitOptions.RemoveEmptyEntries) ?? Array.Empty<string>(),
            SecretId = Optional("SecretId"),
            SecretVersionId = Optional("SecretVersionId"),
            PreviousSecretVersionId = Optional("PreviousSecretVersionId"),
            Steps = StepHistory.FromJson(Latest("Steps")),
            StartedAt = first.Time,
        };
    }

    /// <summary>
    /// The weight of the deployment's last record, unless an alias move succeeded after it (a
    /// crash between the move and the record): then the move says where the alias is.
    /// </summary>
    private static double RecordedWeight(IReadOnlyList<JournalEntry> all, JournalEntry last)
    {
        var source = all.Skip(all.ToList().IndexOf(last))
            .LastOrDefault(e => e == last || (e.Action == "UpdateAlias" && e.Phase == JournalPhase.Succeeded && e.Details.ContainsKey("Weight")));
        return source != null && source.Details.TryGetValue("Weight", out var text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) ? weight : 0;
    }
}
