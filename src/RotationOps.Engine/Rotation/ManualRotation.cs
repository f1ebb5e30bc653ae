using System;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Hosting;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Locks;
using RotationOps.Engine.Journal.Records;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.Rotation;

/// <summary>
/// Client-side rotation: store the new value as AWSPENDING, read it back, test it, then promote
/// it. Re-running after a crash resumes the interrupted rotation (same version, same token)
/// instead of making a second version.
/// </summary>
internal sealed class ManualRotation
{
    private readonly RotationContext _context;
    private readonly SecretRotationRequest _request;
    private readonly NewSecretValue _newValue;

    public ManualRotation(RotationContext context, SecretRotationRequest request)
    {
        _context = context;
        _request = request;
        _newValue = request.NewValue!;
    }

    public async Task<SecretRotation> RunAsync()
    {
        var host = _context.Host;
        var secret = await _context.DescribeAsync(_request.SecretId).ConfigureAwait(false);
        var stages = new StageMap(secret.VersionIdsToStages);

        string? unfinished = stages.UnfinishedPending;
        var history = await _context.HistoryOfAsync(secret.Arn).ConfigureAwait(false);
        string? interruptedDeployment = unfinished != null && !_request.Force ? history.InterruptedManual(unfinished)?.DeploymentId : null;
        if (unfinished != null && interruptedDeployment == null && !_request.Force)
            throw RotationContext.UnfinishedRotation(secret, unfinished, history);
        string? staleToClear = interruptedDeployment == null ? unfinished : null;

        string deploymentId = interruptedDeployment ?? DeploymentJournal.NewDeploymentId("rot", host.Time);
        // Held until the value is promoted or staged: a second rotation of this secret is refused.
        await using var held = await DeploymentLock.AcquireAsync(_context.Journal, host.Time, secret.Arn, deploymentId, _request.Force).ConfigureAwait(false);
        string token = interruptedDeployment != null ? unfinished! : Guid.NewGuid().ToString();
        var run = _context.NewRun(secret, RotationMode.Manual, deploymentId, host.Time.GetUtcNow());
        run.VersionId = token;

        using (var newValue = await ResolveNewValueAsync(secret, stages).ConfigureAwait(false))
        using (var staged = interruptedDeployment != null ? await ReadVersionAsync(secret.Arn, token).ConfigureAwait(false) : null)
        {
            SecretLimits.CheckValueSize(newValue, secret.Name);
            if (staged != null && !_newValue.IsGenerated && !staged.Equals(newValue))
                throw new RunbookException("ResumeValueMismatch", RunbookErrorCategory.InvalidOperation,
                    $"Rotation {deploymentId} of '{secret.Name}' was interrupted with version {token} staged {SecretStages.Pending}, " +
                    "and -NewValue differs from the value staged then. Re-run with the same value to resume, or with -Force to discard the staged version.",
                    secret.Arn, "NewValue");

            var plan = new ChangePlan();
            if (staleToClear != null) plan.Add(secret.Name, LabelMoves.DescribeRemovePending(staleToClear));
            if (staged == null) plan.Add(secret.Name, LabelMoves.DescribePutPending(token));
            if (!_request.Pending) plan.Add(secret.Name, LabelMoves.DescribePromote(token, stages.Current));
            if (!plan.Approve(host))
                return await _context.FinishAsync(run, RotationStatus.NotRun, ChangePlan.NotApprovedMessage).ConfigureAwait(false);

            if (interruptedDeployment != null)
                host.WriteWarning($"Resuming rotation {deploymentId} of '{secret.Name}': version {token} was already staged {SecretStages.Pending}.");
            else
                await RotationRecords.StartedAsync(_context.Journal, run).ConfigureAwait(false);

            try
            {
                return await ApplyAsync(secret, stages, run, token, staleToClear, staged ?? newValue, staged == null).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await _context.InterruptedAsync(run).ConfigureAwait(false);
                throw;
            }
        }
    }

    private async Task<SecretRotation> ApplyAsync(SecretDescription secret, StageMap stages, RotationRun run,
        string token, string? staleToClear, SensitiveValue value, bool put)
    {
        var steps = _context.LabelMovesFor(run.DeploymentId, secret.Arn);
        var promotion = new PromoteStaged(_context, steps, run);
        try
        {
            if (staleToClear != null) await steps.RemovePendingAsync(staleToClear).ConfigureAwait(false);
            if (put) await steps.PutPendingAsync(token, value).ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            return await _context.FinishAsync(run, RotationStatus.Failed,
                $"Staging the new value failed ({ex.ErrorCode}: {ex.ServiceMessage}); {SecretStages.Current} is unchanged (version {stages.Current}). " +
                "Nothing was staged, so re-running Invoke-SecretRotation starts a new rotation (with a new version id).").ConfigureAwait(false);
        }

        SensitiveValue? readBack;
        try
        {
            readBack = await ReadVersionAsync(secret.Arn, token).ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            // The value is staged and the journal says so: a re-run resumes this rotation from the read-back.
            return await _context.FinishAsync(run, RotationStatus.Failed,
                $"Version {token} is staged {SecretStages.Pending}, but reading it back failed ({ex.ErrorCode}: {ex.ServiceMessage}); " +
                $"{SecretStages.Current} is unchanged (version {stages.Current}). Re-run the same command to resume this rotation, " +
                "or run it with -Force to discard the staged version.").ConfigureAwait(false);
        }

        using (readBack)
        {
            if (readBack == null || !readBack.Equals(value))
                return await promotion.AbandonAsync(token, $"Reading version {token} back did not return the value just stored").ConfigureAwait(false);
            var rejected = await promotion.TestAsync(_request.Tester, token, readBack).ConfigureAwait(false);
            if (rejected != null) return rejected;
        }

        if (_request.Pending)
            return await _context.FinishAsync(run, RotationStatus.Pending,
                $"Version {token} is staged {SecretStages.Pending}; {SecretStages.Current} is still version {stages.Current}. " +
                "Pipe this object to Invoke-SecretRotation -Complete to promote it, or to Undo-Deployment to discard it.").ConfigureAwait(false);
        return await promotion.PromoteAsync(token, stages.Current).ConfigureAwait(false);
    }

    private async Task<SensitiveValue> ResolveNewValueAsync(SecretDescription secret, StageMap stages)
    {
        if (!_newValue.NeedsCurrentValue || stages.Current == null)
            return await _newValue.ResolveAsync(_context.Client, secret.Name, null, _context.Host.Cancellation).ConfigureAwait(false);
        using (var current = await _context.Client.GetSecretValueAsync(secret.Arn, null, SecretStages.Current, _context.Host.Cancellation).ConfigureAwait(false))
            return await _newValue.ResolveAsync(_context.Client, secret.Name, current.Value, _context.Host.Cancellation).ConfigureAwait(false);
    }

    /// <summary>The value of a version, or null when it has none (the empty AWSPENDING placeholder).</summary>
    private async Task<SensitiveValue?> ReadVersionAsync(string secretArn, string versionId)
    {
        try
        {
            var value = await _context.Client.GetSecretValueAsync(secretArn, versionId, null, _context.Host.Cancellation).ConfigureAwait(false);
            return value.Value;
        }
        catch (AwsServiceException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }
}
