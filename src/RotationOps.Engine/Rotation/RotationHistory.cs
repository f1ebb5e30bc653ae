using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Records;
using RotationOps.Engine.SecretsManager;

namespace RotationOps.Engine.Rotation;

/// <summary>
/// What this module's journal knows about one secret's versions. AWS cannot tell who put a
/// value in a version, nor whether a rotation function's setSecret step ran, so deciding what
/// is safe to do with an AWSPENDING version (resume, promote, or only take the label off)
/// rests on this record of what the module itself did.
/// </summary>
internal sealed class RotationHistory
{
    /// <summary>
    /// How many of the secret's latest rotations are read: an unfinished AWSPENDING version comes
    /// from one of the last few, and a shared table is read one rotation at a time.
    /// </summary>
    private const int RecentRotations = 20;

    private readonly IReadOnlyList<RotationRecord> _rotations;
    private readonly ISet<string> _stagedVersions;
    private readonly string _journalLocation;

    private RotationHistory(IReadOnlyList<RotationRecord> rotations, ISet<string> stagedVersions, string journalLocation)
    {
        _rotations = rotations;
        _stagedVersions = stagedVersions;
        _journalLocation = journalLocation;
    }

    public static async Task<RotationHistory> OfAsync(DeploymentJournal journal, string secretArn)
    {
        var entries = await journal.ReadTargetAsync(secretArn, RecentRotations).ConfigureAwait(false);
        return new RotationHistory(RotationRecords.Fold(entries), RotationRecords.StagedVersions(entries), journal.Location);
    }

    /// <summary>
    /// True when this module stored the version's value itself (PutSecretValue of -Pending, a
    /// client-side rotation, or a canary's -SecretValue): only such a value is known to be whole
    /// and meant to go live.
    /// </summary>
    public bool StagedValue(string versionId) => _stagedVersions.Contains(versionId);

    /// <summary>
    /// The manual rotation that staged <paramref name="versionId"/> and never reached an end
    /// (a crash or Ctrl+C), so a re-run can pick it up. One that failed (a promotion AWS refused)
    /// still has its version staged and is resumable too; one left -Pending on purpose is not.
    /// </summary>
    public RotationRecord? InterruptedManual(string versionId)
    {
        var rotation = LastWith(RotationMode.Manual, versionId);
        return rotation != null && (rotation.InFlight || rotation.State == RotationState.Failed) ? rotation : null;
    }

    /// <summary>
    /// The service rotation this module started as <paramref name="versionId"/> and stopped
    /// watching without an outcome (Ctrl+C or a crash): the rotation goes on inside AWS, so a
    /// re-run waits for it. One that timed out or failed is over and is not picked up again.
    /// </summary>
    public RotationRecord? InterruptedService(string versionId)
    {
        var rotation = LastWith(RotationMode.Service, versionId);
        return rotation != null && rotation.InFlight ? rotation : null;
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

        var service = LastWith(RotationMode.Service, versionId);
        if (service != null)
        {
            string function = FunctionName(service.RotationLambdaArn);
            if (service.InFlight)
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

    private RotationRecord? LastWith(RotationMode mode, string versionId) =>
        _rotations.LastOrDefault(r => r.Mode == mode && r.VersionId == versionId);
}
