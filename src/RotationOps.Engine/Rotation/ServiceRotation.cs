using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Hosting;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Locks;
using RotationOps.Engine.Journal.Records;
using RotationOps.Engine.SecretsManager;

namespace RotationOps.Engine.Rotation;

/// <summary>
/// RotateSecret through the rotation function, then waiting until the new version is
/// AWSCURRENT and no AWSPENDING is left. RotateSecret returns before the function runs and
/// never reports a step failure, so the wait is the only way to know; on timeout the report
/// says how far the function got.
/// </summary>
internal sealed class ServiceRotation
{
    private readonly RotationContext _context;
    private readonly SecretRotationRequest _request;

    /// <summary>The secret's lock, renewed while the rotation function works.</summary>
    private DeploymentLock? _held;

    public ServiceRotation(RotationContext context, SecretRotationRequest request)
    {
        _context = context;
        _request = request;
    }

    public async Task<SecretRotation> RunAsync()
    {
        var host = _context.Host;
        ValidateRules(_request.RotationRules);
        var secret = await _context.DescribeAsync(_request.SecretId).ConfigureAwait(false);
        var stages = new StageMap(secret.VersionIdsToStages);

        string? function = _request.RotationLambdaArn ?? secret.RotationLambdaArn;
        if (function == null)
            throw RunbookException.InvalidParameter("RotationLambdaArn",
                $"secret '{secret.Name}' has no rotation function configured. Give one with -RotationLambdaArn, " +
                "or rotate client-side with -NewValue or -GeneratePassword.", secret.Arn);
        string? unfinished = stages.UnfinishedPending;
        var history = await _context.HistoryOfAsync(secret.Arn).ConfigureAwait(false);
        var inFlight = _request.Force ? null : InFlight(history, unfinished ?? stages.Current);
        string deploymentId = inFlight?.DeploymentId ?? DeploymentJournal.NewDeploymentId("rot", host.Time);
        // Held until the rotation is seen through: a second rotation of this secret is refused.
        await using var held = _held = await DeploymentLock.AcquireAsync(_context.Journal, host.Time, secret.Arn, deploymentId, _request.Force).ConfigureAwait(false);
        if (inFlight != null) return await ResumeAsync(secret, inFlight).ConfigureAwait(false);
        if (unfinished != null && !_request.Force) throw RotationContext.UnfinishedRotation(secret, unfinished, history);

        string token = Guid.NewGuid().ToString();
        var run = _context.NewRun(secret, RotationMode.Service, deploymentId, host.Time.GetUtcNow());
        run.VersionId = token;
        run.RotationLambdaArn = function;

        var plan = new ChangePlan();
        if (unfinished != null) plan.Add(secret.Name, LabelMoves.DescribeRemovePending(unfinished));
        plan.Add(secret.Name, $"Rotate the secret with function {function} as version {token}" + DescribeRules(_request.RotationRules));
        if (!plan.Approve(host))
            return await _context.FinishAsync(run, RotationStatus.NotRun, ChangePlan.NotApprovedMessage).ConfigureAwait(false);

        await RotationRecords.StartedAsync(_context.Journal, run).ConfigureAwait(false);
        try
        {
            if (unfinished != null) await _context.LabelMovesFor(deploymentId, secret.Arn).RemovePendingAsync(unfinished).ConfigureAwait(false);
            await _context.Mutation.RunAsync(deploymentId, "RotateSecret", secret.Arn,
                JournalDetails.Of(("VersionId", token), ("RotationLambdaArn", function)),
                () => _context.Client.RotateSecretAsync(new RotateSecretRequest
                {
                    SecretId = secret.Arn,
                    ClientRequestToken = token,
                    RotationLambdaArn = _request.RotationLambdaArn,
                    RotationRules = _request.RotationRules,
                }, host.Cancellation),
                () => RotationIfStartedAsync(secret, token)).ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            return await _context.FinishAsync(run, RotationStatus.Failed, await StartFailedAsync(secret, stages, token, ex).ConfigureAwait(false)).ConfigureAwait(false);
        }
        return await WatchAsync(secret, run).ConfigureAwait(false);
    }

    /// <summary>
    /// Why nothing was started. When another rotation (another machine, the schedule) started between
    /// this run's first read and its RotateSecret, AWS refused this one; the message names that rotation.
    /// </summary>
    private async Task<string> StartFailedAsync(SecretDescription secret, StageMap before, string token, AwsServiceException ex)
    {
        string failed = $"Starting the rotation failed ({ex.ErrorCode}: {ex.ServiceMessage}); ";
        var now = await _context.StagesIfReadableAsync(secret.Arn).ConfigureAwait(false);
        if (now?.UnfinishedPending is string other && other != token && other != before.UnfinishedPending)
            return failed + $"another rotation of '{secret.Name}' started meanwhile and is running as version {other}; {SecretStages.Current} is version {now.Current}. " +
                   "This one was not started and left nothing behind: once that rotation has finished, re-run the command if the secret still needs a new value.";
        return failed + $"{SecretStages.Current} is unchanged (version {before.Current}). No rotation was started: re-run the same command to try again.";
    }

    /// <summary>
    /// The version <paramref name="token"/> if the secret has it (RotateSecret made it though its
    /// answer was lost, and the rotation function is at work); null if the rotation never started.
    /// </summary>
    private async Task<SecretVersionRef?> RotationIfStartedAsync(SecretDescription secret, string token)
    {
        var now = await _context.Client.DescribeSecretAsync(secret.Arn, CancellationToken.None).ConfigureAwait(false);
        return now.VersionIdsToStages.ContainsKey(token) ? new SecretVersionRef { Arn = now.Arn, Name = now.Name, VersionId = token } : null;
    }

    /// <summary>
    /// The rotation a re-run of the same command picks up instead of refusing: one this module
    /// started as <paramref name="versionId"/> and stopped watching (Ctrl+C, crash), through the
    /// same function (naming another function is another command).
    /// </summary>
    private RotationRecord? InFlight(RotationHistory history, string? versionId)
    {
        var started = versionId == null ? null : history.InterruptedService(versionId);
        if (started == null || _request.RotationLambdaArn == null) return started;
        return started.RotationLambdaArn == _request.RotationLambdaArn ? started : null;
    }

    /// <summary>
    /// Waits again for an interrupted rotation: same deployment, same version id, no AWS change,
    /// so the outcome is reported as if the first run had kept watching.
    /// </summary>
    private Task<SecretRotation> ResumeAsync(SecretDescription secret, RotationRecord started)
    {
        string token = started.VersionId!;
        var run = _context.NewRun(secret, RotationMode.Service, started.DeploymentId, started.StartedAt);
        run.VersionId = token;
        run.PreviousVersionId = started.PreviousVersionId;
        if (started.RotationLambdaArn != null) run.RotationLambdaArn = started.RotationLambdaArn;
        _context.Host.WriteWarning($"Resuming rotation {started.DeploymentId} of '{secret.Name}': waiting for version {token}, " +
            $"which it started at {started.StartedAt:u}; no new rotation is started.");
        return WatchAsync(secret, run);
    }

    private async Task<SecretRotation> WatchAsync(SecretDescription secret, RotationRun run)
    {
        try
        {
            return await WaitAsync(secret, run, run.VersionId!, run.PreviousVersionId).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The rotation goes on inside AWS; the journal records that we stopped watching, so a re-run waits for it again.
            await _context.InterruptedAsync(run).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<SecretRotation> WaitAsync(SecretDescription secret, RotationRun run, string token, string? previous)
    {
        var host = _context.Host;
        int activityId = ProgressUpdate.NextActivityId();
        string activity = $"Rotating {secret.Name}";
        DateTimeOffset started = host.Time.GetUtcNow();
        var watch = await RotationFunctionWatch.StartAsync(_context.CloudWatch, host, RotationHistory.FunctionName(run.RotationLambdaArn)).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var stages = new StageMap((await ReadWhileWatchingAsync(secret, run).ConfigureAwait(false)).VersionIdsToStages);
                if (stages.Current == token && stages.Pending == null)
                    return await _context.FinishAsync(run, RotationStatus.Completed,
                        $"Version {token} is {SecretStages.Current}; {SecretStages.Previous} is version {stages.Previous ?? "(none)"}.").ConfigureAwait(false);
                if (stages.Current != token && !stages.StagesOf(token).Contains(SecretStages.Pending))
                    return await _context.FinishAsync(run, RotationStatus.Failed,
                        $"{SecretStages.Pending} was taken off version {token} before it became {SecretStages.Current}: the rotation was cancelled or abandoned. " +
                        $"{SecretStages.Current} is version {stages.Current}.").ConfigureAwait(false);

                TimeSpan elapsed = host.Time.GetUtcNow() - started;
                if (elapsed >= _request.Timeout)
                    return await TimedOutAsync(secret, run, token, stages, previous).ConfigureAwait(false);
                double errors = stages.Current == token || watch == null ? 0 : await watch.NewErrorsAsync().ConfigureAwait(false);
                if (errors > 0)
                    return await FunctionFailedAsync(secret, run, token, previous, errors).ConfigureAwait(false);
                host.WriteProgress(new ProgressUpdate(activityId, activity,
                    stages.Current == token ? "New version is current; waiting for AWSPENDING to be cleared" : "Waiting for the rotation function")
                {
                    PercentComplete = (int)(100 * elapsed.Ticks / _request.Timeout.Ticks),
                    SecondsRemaining = (int)(_request.Timeout - elapsed).TotalSeconds,
                });
                if (_held != null) await _held.RenewAsync().ConfigureAwait(false);
                await host.Time.Delay(_request.PollInterval, host.Cancellation).ConfigureAwait(false);
            }
        }
        finally
        {
            host.WriteProgress(new ProgressUpdate(activityId, activity, "Done") { Completed = true });
        }
    }

    /// <summary>
    /// One poll of the secret. When AWS cannot be read (the client's retries spent), the rotation
    /// still goes on inside AWS, so the run is journaled as interrupted, as after Ctrl+C, and a
    /// re-run of the same command waits for it again.
    /// </summary>
    private async Task<SecretDescription> ReadWhileWatchingAsync(SecretDescription secret, RotationRun run)
    {
        try
        {
            return await _context.DescribeAsync(secret.Arn).ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            await _context.InterruptedAsync(run).ConfigureAwait(false);
            throw new RunbookException("RotationWatchLost", RunbookErrorCategory.ConnectionError,
                $"Rotation {run.DeploymentId} of '{secret.Name}' (version {run.VersionId}) was started, but reading the secret while waiting for it failed " +
                $"({ex.ErrorCode}: {ex.ServiceMessage}); the rotation function goes on without this command. " +
                $"Re-run the same command to wait for it again; {SecretStages.Current} stays on a readable version meanwhile.",
                secret.Arn, null, ex);
        }
    }

    private async Task<SecretRotation> TimedOutAsync(SecretDescription secret, RotationRun run, string token, StageMap stages, string? previous)
    {
        if (stages.Current == token)
        {
            _context.Host.WriteWarning($"Version {token} of '{secret.Name}' is {SecretStages.Current}, but {SecretStages.Pending} was not cleared within {_request.Timeout}.");
            return await _context.FinishAsync(run, RotationStatus.Completed,
                $"Version {token} is {SecretStages.Current}; {SecretStages.Pending} was still on it when the wait ended.").ConfigureAwait(false);
        }
        return await _context.FinishAsync(run, RotationStatus.Failed,
            $"The rotation did not finish within {_request.Timeout}: {await HowFarAsync(secret, token).ConfigureAwait(false)}. " +
            NextSteps(secret, run, token, previous)).ConfigureAwait(false);
    }

    /// <summary>The function's own errors say the rotation failed: reported now, not at -Timeout.</summary>
    private async Task<SecretRotation> FunctionFailedAsync(SecretDescription secret, RotationRun run, string token, string? previous, double errors)
    {
        string function = RotationHistory.FunctionName(run.RotationLambdaArn);
        return await _context.FinishAsync(run, RotationStatus.Failed,
            $"The rotation function {function} failed: AWS/Lambda counts {errors:0} error(s) of it since this rotation started, and Secrets Manager does not retry a failed step. " +
            $"So far, {await HowFarAsync(secret, token).ConfigureAwait(false)}. " + NextSteps(secret, run, token, previous)).ConfigureAwait(false);
    }

    /// <summary>How far the function got, from whether the new version holds a value.</summary>
    private async Task<string> HowFarAsync(SecretDescription secret, string token)
    {
        try
        {
            using (await _context.Client.GetSecretValueAsync(secret.Arn, token, null, _context.Host.Cancellation).ConfigureAwait(false))
                return "the function stored the new value (createSecret ran) but did not finish: setSecret, testSecret or finishSecret failed or is still running";
        }
        catch (AwsServiceException ex) when (ex.IsNotFound)
        {
            return "the function never stored a new value: createSecret failed, or Secrets Manager could not invoke the function";
        }
        catch (AwsServiceException ex)
        {
            return $"whether the function stored the new value could not be read ({ex.ErrorCode})";
        }
    }

    /// <summary>
    /// What is left and what to do. Never advises promoting the version: only the function's own
    /// setSecret puts its value in the database.
    /// </summary>
    private static string NextSteps(SecretDescription secret, RotationRun run, string token, string? previous)
    {
        string function = RotationHistory.FunctionName(run.RotationLambdaArn);
        return $"{SecretStages.Current} is still version {previous} and readable. " +
               $"Version {token} must not be promoted: its value may never have reached the database. " +
               $"Look at the function's log group /aws/lambda/{function}, fix the function, then run Invoke-SecretRotation -SecretId {secret.Name} -Force, which takes {SecretStages.Pending} off version {token} " +
               "(the version is kept) and rotates anew.";
    }

    private static string DescribeRules(RotationRules? rules) =>
        rules == null ? "" :
        rules.ScheduleExpression != null ? $", schedule {rules.ScheduleExpression}" :
        rules.AutomaticallyAfterDays != null ? $", every {rules.AutomaticallyAfterDays} days" : "";

    /// <summary>AWS's RotationRules limits, checked before any change so the error names our parameter.</summary>
    private static void ValidateRules(RotationRules? rules)
    {
        if (rules == null) return;
        if (rules.AutomaticallyAfterDays is int days && (days < 1 || days > 1000))
            throw RunbookException.InvalidParameter("AutomaticallyAfterDays", "must be between 1 and 1000 days.");
        if (rules.AutomaticallyAfterDays != null && rules.ScheduleExpression != null)
            throw RunbookException.InvalidParameter("ScheduleExpression", "give either -AutomaticallyAfterDays or -ScheduleExpression, not both.");
        if (rules.ScheduleExpression != null && !Regex.IsMatch(rules.ScheduleExpression, @"^(rate|cron)\(.+\)$"))
            throw RunbookException.InvalidParameter("ScheduleExpression", "use rate(...) or cron(...), e.g. 'rate(30 days)' or 'cron(0 4 ? * SUN *)'.");
        if (rules.ScheduleExpression != null && rules.ScheduleExpression.Length > 256)
            throw RunbookException.InvalidParameter("ScheduleExpression", $"it is {rules.ScheduleExpression.Length} characters; Secrets Manager takes at most 256.");
        if (rules.Duration != null && !(Regex.Match(rules.Duration, @"^([0-9]{1,2})h$") is { Success: true } hours && int.Parse(hours.Groups[1].Value, CultureInfo.InvariantCulture) is >= 1 and <= 24))
            throw RunbookException.InvalidParameter("RotationWindow", "the window is whole hours from 1h to 24h, e.g. 3h.");
    }
}
