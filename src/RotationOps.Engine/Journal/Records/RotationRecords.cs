using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Rotation;

namespace RotationOps.Engine.Journal.Records;

/// <summary>
/// Writes a rotation's transitions to the journal and reads them back as <see cref="RotationRecord"/>s.
/// The only code that knows how a rotation is spelled in journal entries (its action and detail
/// keys), so a renamed key cannot silently break resume or undo.
/// </summary>
internal static class RotationRecords
{
    private const string ModeKey = "Mode";
    private const string StatusKey = "Status";
    private const string VersionIdKey = "VersionId";
    private const string PreviousVersionIdKey = "PreviousVersionId";
    private const string RotationLambdaArnKey = "RotationLambdaArn";

    /// <summary>The Status of a run stopped by Ctrl+C: the rotation it watched may still be going on.</summary>
    private const string InterruptedStatus = "Interrupted";

    /// <summary>Started: the version id is chosen, nothing is changed yet.</summary>
    internal static Task StartedAsync(DeploymentJournal journal, RotationRun rotation) =>
        journal.AppendAsync(rotation.DeploymentId, JournalActions.SecretRotation, rotation.SecretArn, JournalPhase.Started,
            JournalDetails.Of((ModeKey, rotation.Mode.ToString()), (VersionIdKey, rotation.VersionId), (PreviousVersionIdKey, rotation.PreviousVersionId),
                (RotationLambdaArnKey, rotation.Mode == RotationMode.Service ? rotation.RotationLambdaArn : null)));

    /// <summary>Its end, as <paramref name="status"/> says: Completed, Pending, Failed (with <paramref name="message"/>) or NotRun.</summary>
    internal static Task FinishedAsync(DeploymentJournal journal, RotationRun rotation, RotationStatus status, string message)
    {
        JournalPhase phase = status == RotationStatus.Completed || status == RotationStatus.Pending
            ? JournalPhase.Completed
            : status == RotationStatus.NotRun ? JournalPhase.Skipped : JournalPhase.Aborted;
        return journal.AppendAsync(rotation.DeploymentId, JournalActions.SecretRotation, rotation.SecretArn, phase,
            Details(rotation, status.ToString()), status == RotationStatus.Failed ? message : null);
    }

    /// <summary>Ctrl+C: the run stopped watching; a re-run resumes it, -Force clears it.</summary>
    internal static Task InterruptedAsync(DeploymentJournal journal, RotationRun rotation) =>
        journal.AppendAsync(rotation.DeploymentId, JournalActions.SecretRotation, rotation.SecretArn, JournalPhase.Aborted,
            Details(rotation, InterruptedStatus),
            "Stopped by the user (Ctrl+C). Re-run the same command to resume, or run it with -Force to take AWSPENDING off the version (it is kept).");

    /// <summary>The rotation with this id, or null when the journal has none.</summary>
    public static async Task<RotationRecord?> ReadAsync(DeploymentJournal journal, string deploymentId) =>
        Fold(await journal.ReadDeploymentAsync(deploymentId).ConfigureAwait(false)).SingleOrDefault();

    /// <summary>One record per started rotation among <paramref name="entries"/>, in the order they started.</summary>
    internal static IReadOnlyList<RotationRecord> Fold(IEnumerable<JournalEntry> entries) =>
        entries.GroupBy(e => e.DeploymentId)
            .Select(RecordOf)
            .Where(r => r != null)
            .Select(r => r!)
            .ToList();

    /// <summary>The versions whose value this module stored itself (a succeeded PutSecretValue), among <paramref name="entries"/>.</summary>
    internal static ISet<string> StagedVersions(IEnumerable<JournalEntry> entries) =>
        new HashSet<string>(entries.Where(IsStaging).Select(e => e.Details[VersionIdKey]), StringComparer.Ordinal);

    private static RotationRecord? RecordOf(IEnumerable<JournalEntry> deployment)
    {
        var entries = deployment.ToList();
        var milestones = entries.Where(e => e.Action == JournalActions.SecretRotation).ToList();
        // Only a started rotation is one: -Complete of a canary's secret version, or discarding
        // it, writes an end under the canary's id, which is a deployment, not a rotation.
        var first = milestones.FirstOrDefault(e => e.Phase == JournalPhase.Started);
        if (first == null) return null;
        string? versionId = Detail(first, VersionIdKey);
        bool staged = versionId != null && entries.Any(e => IsStaging(e) && e.Details[VersionIdKey] == versionId);
        var state = RotationState.Started;
        foreach (var milestone in milestones) state = StateAfter(milestone, state);
        if (state == RotationState.Started && staged) state = RotationState.Staged;
        return new RotationRecord(first.DeploymentId, first.Target,
            Enum.TryParse<RotationMode>(Detail(first, ModeKey), out var mode) ? mode : RotationMode.Manual,
            state, versionId, Detail(first, PreviousVersionIdKey), Detail(first, RotationLambdaArnKey), first.Time, staged);
    }

    private static RotationState StateAfter(JournalEntry milestone, RotationState before)
    {
        string? status = Detail(milestone, StatusKey);
        switch (milestone.Phase)
        {
            case JournalPhase.Completed:
                return status == nameof(RotationStatus.Pending) ? RotationState.Pending : RotationState.Completed;
            case JournalPhase.Skipped:
                return RotationState.NotRun;
            case JournalPhase.Aborted:
                return status == InterruptedStatus ? RotationState.Interrupted : RotationState.Failed;
            default:
                return before;
        }
    }

    private static bool IsStaging(JournalEntry entry) =>
        entry.Action == "PutSecretValue" && entry.Phase == JournalPhase.Succeeded && entry.Details.ContainsKey(VersionIdKey);

    private static Dictionary<string, string> Details(RotationRun rotation, string status) =>
        JournalDetails.Of((StatusKey, status), (ModeKey, rotation.Mode.ToString()), (VersionIdKey, rotation.VersionId),
            (PreviousVersionIdKey, rotation.PreviousVersionId));

    private static string? Detail(JournalEntry entry, string key) =>
        entry.Details.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
