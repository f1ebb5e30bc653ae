using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Journal;
using RotationOps.Engine.SecretsManager;

namespace RotationOps.Engine.Rotation
{
    /// <summary>
    /// What this module's journal knows about one secret's versions. AWS cannot tell who put a
    /// value in a version, nor whether a rotation function's setSecret step ran, so deciding what
    /// is safe to do with an AWSPENDING version (resume, promote, or only take the label off)
    /// rests on this record of what the module itself did.
    /// </summary>
    internal sealed class RotationHistory
    {
        private const string RotationAction = "SecretRotation";

        private readonly IReadOnlyList<JournalEntry> _entries;
        private readonly string _journalLocation;

        private RotationHistory(IReadOnlyList<JournalEntry> entries, string journalLocation)
        {
            _entries = entries;
            _journalLocation = journalLocation;
        }

        /// <summary>
        /// How many of the secret's latest rotations are read: an unfinished AWSPENDING version comes
        /// from one of the last few, and a shared table is read one rotation at a time.
        /// </summary>
        private const int RecentRotations = 20;

        public static async Task<RotationHistory> OfAsync(DeploymentJournal journal, string secretArn) =>
            new RotationHistory(await journal.ReadTargetAsync(secretArn, RecentRotations).ConfigureAwait(false), journal.Location);

        /// <summary>
        /// True when this module stored the version's value itself (PutSecretValue of -Pending or a
        /// client-side rotation): only such a value is known to be whole and meant to go live.
        /// </summary>
        public bool StagedValue(string versionId) =>
            _entries.Any(e => e.Action == "PutSecretValue" && e.Phase == JournalPhase.Succeeded && HasVersion(e, versionId));

        /// <summary>
        /// The manual rotation that staged <paramref name="versionId"/> and never reached an end
        /// (a crash or Ctrl+C), so a re-run can pick it up.
        /// </summary>
        public JournalEntry? InterruptedManual(string versionId)
        {
            var started = StartedWith("Manual", versionId);
            // Aborted (Ctrl+C, or a promotion AWS refused) still has its version staged: resumable.
            return started == null || Ends(started, e => e.Phase == JournalPhase.Completed || e.Phase == JournalPhase.Skipped) ? null : started;
        }

        /// <summary>
        /// The service rotation this module started as <paramref name="versionId"/> and stopped
        /// watching without an outcome (Ctrl+C or a crash): the rotation goes on inside AWS, so a
        /// re-run waits for it. One that timed out or failed is over and is not picked up again.
        /// </summary>
        public JournalEntry? InterruptedService(string versionId)
        {
            var started = StartedWith("Service", versionId);
            return started == null || Ends(started, e => e.Phase != JournalPhase.Aborted || !IsInterruption(e)) ? null : started;
        }

        /// <summary>
        /// What is safe to do about AWSPENDING left on <paramref name="versionId"/>, by who left it:
        /// only a value this module staged may be promoted; a rotation function's half-made version
        /// must never go live, because its setSecret step may never have reached the database.
        /// </summary>
        public string AdviceForUnfinished(string secretName, string versionId)
        {
            string force = $"re-run the rotation with -Force (e.g. Invoke-SecretRotation -SecretId {secretName} -Force), which takes {SecretStages.Pending} " +
                           $"off version {versionId} (the version is kept, not deleted) and starts anew";
            if (StagedValue(versionId))
                return $"Version {versionId} holds a value this module staged. " +
                       $"Promote it with Invoke-SecretRotation -SecretId {secretName} -VersionId {versionId} -Complete, or {force}.";

            var service = StartedWith("Service", versionId);
            if (service != null)
            {
                string function = FunctionName(service.Details.TryGetValue("RotationLambdaArn", out var arn) ? arn : null);
                if (InterruptedService(versionId) != null)
                    return $"Rotation {service.DeploymentId} started by this module with function {function} is still in flight: " +
                           $"re-run the command it was started with to wait for it, or {force}.";
                return $"The rotation function {function} left it and did not finish (rotation {service.DeploymentId}); " +
                       "its value may never have reached the database, so it must not be promoted. " +
                       $"Fix the function (its log group is /aws/lambda/{function}), then {force}.";
            }
            return $"This module did not stage it (no record in {_journalLocation}): a rotation started elsewhere (the schedule, the console, " +
                   "another machine) is still running or has failed, and its value may never have reached the database. " +
                   $"Check the rotation function's log group; once it has stopped, fix it and {force}.";
        }

        /// <summary>The function's name from its ARN, as its log group is named.</summary>
        public static string FunctionName(string? arn) =>
            arn == null ? "(unknown)" : arn.Substring(arn.LastIndexOf(':') + 1);

        private JournalEntry? StartedWith(string mode, string versionId) =>
            _entries.LastOrDefault(e => e.Action == RotationAction && e.Phase == JournalPhase.Started &&
                e.Details.TryGetValue("Mode", out var m) && m == mode && HasVersion(e, versionId));

        private bool Ends(JournalEntry started, Func<JournalEntry, bool> isEnd) =>
            _entries.Any(e => e.DeploymentId == started.DeploymentId && e.Action == RotationAction && e.Phase != JournalPhase.Started && isEnd(e));

        private static bool IsInterruption(JournalEntry entry) =>
            entry.Details.TryGetValue("Status", out var status) && status == SecretRotationRunner.InterruptedStatus;

        private static bool HasVersion(JournalEntry entry, string versionId) =>
            entry.Details.TryGetValue("VersionId", out var version) && version == versionId;
    }
}
