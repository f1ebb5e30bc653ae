using System;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Records;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.SecretsManager;
using RotationOps.Sandbox.SecretsManager;

namespace RotationOps.Bench;

/// <summary>
/// What must hold after every rotation, whatever the faults did, read from the Sandbox's own state
/// rather than through the engine: AWSCURRENT on a version with a value, no version that ever held
/// AWSCURRENT gone, the report and the journal agreeing with AWS, and AWSPENDING left staged only by
/// a run that failed and said how to go on. Each break is counted, never thrown: a soak reports them all.
/// </summary>
internal sealed class SoakInvariants(SecretsManagerInspector inspector)
{
    public int UnreadableCurrent { get; private set; }

    public int LostVersions { get; private set; }

    public int Misreports { get; private set; }

    public int JournalMismatches { get; private set; }

    public int PendingWithoutAdvice { get; private set; }

    public int Breaks => UnreadableCurrent + LostVersions + Misreports + JournalMismatches + PendingWithoutAdvice;

    /// <summary>Remembers the secret's first AWSCURRENT, before any rotation.</summary>
    public void Baseline(SoakSecret secret) =>
        secret.EverCurrent.Add(inspector.Find(secret.Arn)!.VersionIdWithStage(SecretStages.Current)!);

    /// <summary>The version holding AWSPENDING now, read before a run so the check after it knows what the run itself left.</summary>
    public string? PendingOf(SoakSecret secret) => inspector.Find(secret.Arn)!.VersionIdWithStage(SecretStages.Pending);

    /// <summary>
    /// Checks the secret after one run that reported <paramref name="rotation"/> or failed with
    /// <paramref name="error"/>; returns whether AWSPENDING is left on a version that is not AWSCURRENT.
    /// A run that leaves AWSPENDING where it found it (<paramref name="pendingBefore"/>) changed nothing
    /// the advice of the run that staged it does not cover, so only a newly left one needs advice.
    /// </summary>
    public async Task<bool> CheckAsync(SoakSecret secret, string? pendingBefore, SecretRotation? rotation, Exception? error)
    {
        var snapshot = inspector.Find(secret.Arn)!;
        var current = snapshot.Versions.SingleOrDefault(v => v.Stages.Contains(SecretStages.Current));
        if (current is not { HasValue: true })
        {
            UnreadableCurrent++;
        }

        LostVersions += secret.EverCurrent.Count(id => snapshot.Versions.All(v => v.VersionId != id));
        if (current != null)
        {
            secret.EverCurrent.Add(current.VersionId);
        }

        if (rotation != null && !ReportMatches(rotation, current?.VersionId))
        {
            Misreports++;
        }

        if (!await JournalMatchesAsync(secret, rotation, current?.VersionId))
        {
            JournalMismatches++;
        }

        var pending = snapshot.VersionIdWithStage(SecretStages.Pending);
        var pendingLeft = pending != null && pending != current?.VersionId;
        if (pendingLeft && pending != pendingBefore && !SaysHowToGoOn(rotation, error))
        {
            PendingWithoutAdvice++;
        }

        return pendingLeft;
    }

    /// <summary>Completed means its version is AWSCURRENT; Failed means AWSCURRENT stayed where the run found it.</summary>
    private static bool ReportMatches(SecretRotation rotation, string? current) => rotation.Status switch
    {
        RotationStatus.Completed => current == rotation.VersionId,
        RotationStatus.Failed => current == rotation.PreviousVersionId,
        _ => false,
    };

    /// <summary>
    /// The journal's record of the run says what the run reported, an ended rotation agrees with
    /// where AWSCURRENT is, and every AWS call it journaled as intended has its outcome journaled.
    /// A run that failed with an error is held to the secret's latest record.
    /// </summary>
    private static async Task<bool> JournalMatchesAsync(SoakSecret secret, SecretRotation? rotation, string? current)
    {
        var entries = rotation != null
            ? await secret.Journal.ReadDeploymentAsync(rotation.DeploymentId)
            : await secret.Journal.ReadTargetAsync(secret.Arn, 1);
        var record = RotationRecords.Fold(entries).LastOrDefault();
        if (record == null)
        {
            return rotation == null;
        }

        if (rotation != null && (record.VersionId != rotation.VersionId || record.State != StateOf(rotation.Status)))
        {
            return false;
        }

        var calls = entries.Where(e => e.Action != JournalActions.SecretRotation && e.Action != JournalActions.LockTakeover).ToList();
        var unanswered = calls.Count(e => e.Phase == JournalPhase.Intent) - calls.Count(e => e.Phase is JournalPhase.Succeeded or JournalPhase.Failed);
        return unanswered == 0 && record.State switch
        {
            RotationState.Completed => current == record.VersionId,
            RotationState.Failed => current != record.VersionId,
            _ => true,
        };
    }

    private static RotationState StateOf(RotationStatus status) => status switch
    {
        RotationStatus.Completed => RotationState.Completed,
        RotationStatus.Failed => RotationState.Failed,
        RotationStatus.Pending => RotationState.Pending,
        _ => RotationState.NotRun,
    };

    /// <summary>A failure that leaves AWSPENDING staged must name the way on: re-run, -Complete or -Force.</summary>
    private static bool SaysHowToGoOn(SecretRotation? rotation, Exception? error)
    {
        if (rotation is { Status: RotationStatus.Completed })
        {
            return false;
        }

        var message = rotation?.Message ?? error!.Message;
        return message.Contains("-Force", StringComparison.Ordinal)
            || message.Contains("-Complete", StringComparison.Ordinal)
            || message.Contains("re-run", StringComparison.OrdinalIgnoreCase);
    }
}
