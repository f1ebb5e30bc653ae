using System;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.Rotation;

/// <summary>
/// The end of every client-side rotation: test the AWSPENDING value, then move AWSCURRENT to it
/// and clear AWSPENDING. A rejected value loses its AWSPENDING label (the version is kept), so
/// the secret is left exactly as it was before the rotation.
/// </summary>
internal sealed class PromoteStaged
{
    private readonly RotationContext _context;
    private readonly LabelMoves _steps;
    private readonly RotationRun _run;

    public PromoteStaged(RotationContext context, LabelMoves steps, RotationRun run)
    {
        _context = context;
        _steps = steps;
        _run = run;
    }

    /// <summary>Runs the tester on the staged value; on rejection abandons the version and returns the failed run.</summary>
    public async Task<SecretRotation?> TestAsync(ISecretTester? tester, string versionId, SensitiveValue pendingValue)
    {
        if (tester == null) return null;
        SecretTestOutcome outcome;
        try
        {
            outcome = await tester.TestAsync(
                new SecretTestInput(_run.SecretArn, _run.Name, versionId, SecretStages.Pending, pendingValue),
                _context.Host.Cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            outcome = new SecretTestOutcome(false, "the test script threw: " + ex.Message);
        }
        if (outcome.Passed)
        {
            _context.Host.WriteVerbose($"Test of version {versionId} of '{_run.Name}' passed: {outcome.Detail}");
            return null;
        }
        return await AbandonAsync(versionId, $"The test rejected version {versionId}: {outcome.Detail}").ConfigureAwait(false);
    }

    /// <summary>Takes AWSPENDING off a version that must not go live and reports the failure.</summary>
    public async Task<SecretRotation> AbandonAsync(string versionId, string reason)
    {
        string current = _run.PreviousVersionId ?? "(none)";
        try
        {
            await _steps.RemovePendingAsync(versionId).ConfigureAwait(false);
            return await _context.FinishAsync(_run, RotationStatus.Failed,
                $"{reason}. {SecretStages.Pending} was taken off it (the version is kept); {SecretStages.Current} is still version {current}.").ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            // A concurrent rotation's PutSecretValue may have taken the label over: -Force would then discard that rotation's value.
            var now = await _context.StagesIfReadableAsync(_run.SecretArn).ConfigureAwait(false);
            if (now != null && !now.StagesOf(versionId).Contains(SecretStages.Pending))
                return await _context.FinishAsync(_run, RotationStatus.Failed,
                    $"{reason}. It no longer holds {SecretStages.Pending} (another rotation moved the label" +
                    (now.Pending != null ? $" to version {now.Pending}" : " or took it off") +
                    $"), so nothing of this rotation is left staged; {SecretStages.Current} is version {now.Current}.").ConfigureAwait(false);
            return await _context.FinishAsync(_run, RotationStatus.Failed,
                $"{reason}. Taking {SecretStages.Pending} off it failed too ({ex.ErrorCode}: {ex.ServiceMessage}); {SecretStages.Current} is still version {current}. " +
                "Re-run Invoke-SecretRotation with -Force to clear it.").ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Another rotation promoted <paramref name="winner"/> while this one ran (AWS refused the guarded
    /// move). The loser takes AWSPENDING off its own version only — AWS refuses the removal if the
    /// label is now on another's — so the next rotation is not blocked, and says who won.
    /// </summary>
    private async Task<SecretRotation> LostToAsync(string versionId, string winner, StageMap now)
    {
        string lost = $"Another rotation won: {SecretStages.Current} moved to version {winner} while this one ran, so version {versionId} was not promoted; " +
                      $"version {winner} is left as it is.";
        if (!now.StagesOf(versionId).Contains(SecretStages.Pending))
            return await _context.FinishAsync(_run, RotationStatus.Failed,
                $"{lost} Version {versionId} no longer holds {SecretStages.Pending} (the version is kept). Re-run Invoke-SecretRotation to rotate again on top of version {winner}.").ConfigureAwait(false);
        try
        {
            await _steps.RemovePendingAsync(versionId).ConfigureAwait(false);
            return await _context.FinishAsync(_run, RotationStatus.Failed,
                $"{lost} {SecretStages.Pending} was taken off version {versionId} (the version is kept). Re-run Invoke-SecretRotation to rotate again on top of version {winner}.").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AwsServiceException || ex is Errors.RunbookException)
        {
            return await _context.FinishAsync(_run, RotationStatus.Failed,
                $"{lost} Taking {SecretStages.Pending} off version {versionId} failed ({ex.Message}); it still blocks the next rotation: " +
                $"re-run Invoke-SecretRotation -SecretId {_run.Name} -Force, which takes {SecretStages.Pending} off it (the version is kept) and rotates anew.").ConfigureAwait(false);
        }
    }

    /// <summary>Moves AWSCURRENT to the version (guarded on where it was) and clears AWSPENDING.</summary>
    public async Task<SecretRotation> PromoteAsync(string versionId, string? fromVersionId)
    {
        try
        {
            await _steps.PromoteAsync(versionId, fromVersionId).ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            var now = await _context.StagesIfReadableAsync(_run.SecretArn).ConfigureAwait(false);
            if (now?.Current is string winner && winner != fromVersionId && winner != versionId)
                return await LostToAsync(versionId, winner, now).ConfigureAwait(false);
            return await _context.FinishAsync(_run, RotationStatus.Failed,
                $"Moving {SecretStages.Current} to version {versionId} failed ({ex.ErrorCode}: {ex.ServiceMessage}). " +
                $"{SecretStages.Current} stays where it was; version {versionId} is still {SecretStages.Pending}: " +
                $"finish with Invoke-SecretRotation -SecretId {_run.Name} -VersionId {versionId} -Complete, or discard it with -Force.").ConfigureAwait(false);
        }
        try
        {
            await _steps.RemovePendingAsync(versionId).ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            // A concurrent rotation's PutSecretValue may have moved AWSPENDING onto its own version: that one is not ours to clear.
            var now = await _context.StagesIfReadableAsync(_run.SecretArn).ConfigureAwait(false);
            if (now == null || now.StagesOf(versionId).Contains(SecretStages.Pending))
                _context.Host.WriteWarning(
                    $"Version {versionId} of '{_run.Name}' is {SecretStages.Current}, but taking {SecretStages.Pending} off it failed ({ex.ErrorCode}). " +
                    "That is harmless for readers; the next rotation clears it.");
        }
        return await _context.FinishAsync(_run, RotationStatus.Completed,
            $"Version {versionId} is {SecretStages.Current}; {SecretStages.Previous} is version {fromVersionId ?? "(none)"}.").ConfigureAwait(false);
    }
}
