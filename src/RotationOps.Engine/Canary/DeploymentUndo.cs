using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Hosting;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Locks;
using RotationOps.Engine.Journal.Records;
using RotationOps.Engine.Lambda;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Text;

namespace RotationOps.Engine.Canary;

/// <summary>
/// Undo-Deployment's engine: puts an alias back on one version (routing cleared) or moves
/// AWSCURRENT back, guarded so a change made since is not silently overwritten (-Force skips
/// the guard). A staged secret of a canary is discarded with it.
/// </summary>
public sealed class DeploymentUndo
{
    private readonly ILambdaClient? _lambda;
    private readonly ISecretsManagerClient? _secrets;
    private readonly IRunbookHost _host;
    private readonly JournaledMutation _mutation;

    public DeploymentUndo(ILambdaClient? lambda, ISecretsManagerClient? secrets, DeploymentJournal journal, IRunbookHost host)
    {
        _lambda = lambda;
        _secrets = secrets;
        _host = host;
        _mutation = new JournaledMutation(journal, host);
    }

    public async Task<RollbackResult> UndoAsync(UndoRequest request)
    {
        if (request.Rotation != null)
        {
            RefuseFunctionVersion(request, request.Rotation.SecretId);
            return await UndoSecretAsync(request.Rotation.SecretId, request.ToVersionId ?? request.Rotation.PreviousVersionId,
                request.Rotation.VersionId, request.Rotation.DeploymentId, request.Force).ConfigureAwait(false);
        }
        if (request.SecretId != null)
        {
            RefuseFunctionVersion(request, request.SecretId);
            return await UndoSecretAsync(request.SecretId, request.ToVersionId, null, null, request.Force).ConfigureAwait(false);
        }
        var deployment = request.DeploymentId != null ? await DeploymentRecords.FindAsync(_mutation.Journal, request.DeploymentId).ConfigureAwait(false) : null;
        if (request.DeploymentId != null && deployment == null)
        {
            var rotation = await RotationRecords.ReadAsync(_mutation.Journal, request.DeploymentId).ConfigureAwait(false)
                ?? throw RunbookException.InvalidParameter("DeploymentId", $"the journal ({_mutation.Journal.Location}) has no deployment or rotation '{request.DeploymentId}'.");
            RefuseFunctionVersion(request, rotation.SecretArn);
            RecordedRegion.Check(request.DeploymentId, rotation.SecretArn, _secrets?.Location, "Undo-Deployment");
            return await UndoSecretAsync(rotation.SecretArn, request.ToVersionId ?? rotation.PreviousVersionId, rotation.VersionId, request.DeploymentId, request.Force)
                .ConfigureAwait(false);
        }
        if (deployment != null) RecordedRegion.Check(deployment.DeploymentId, deployment.AliasArn, _lambda?.Location, "Undo-Deployment");
        return await UndoAliasAsync(deployment, request).ConfigureAwait(false);
    }

    private async Task<RollbackResult> UndoAliasAsync(CanaryRun? deployment, UndoRequest request)
    {
        if (_lambda == null) throw new InvalidOperationException("Undoing an alias needs the Lambda client.");
        string function = deployment?.FunctionName ?? request.FunctionName
            ?? throw RunbookException.InvalidParameter("FunctionName", "give -FunctionName and -AliasName, a -DeploymentId, or pipe in a deployment or rotation.");
        string aliasName = deployment?.AliasName ?? request.AliasName
            ?? throw RunbookException.InvalidParameter("AliasName", "give the alias to restore, e.g. LIVE.");
        // Ignoring it would restore a version the user did not ask for.
        if (request.ToVersionId != null)
            throw RunbookException.InvalidParameter("ToVersionId",
                $"this undo restores alias {function}:{aliasName}, and -ToVersionId is a secret's version. Give the function version it goes back to with -ToVersion, or leave it out for the stable version.");
        var alias = await AliasLookup.GetAsync(_lambda, function, aliasName, _host).ConfigureAwait(false);
        string target = request.ToVersion ?? deployment?.StableVersion ?? alias.FunctionVersion;
        if (target == "$LATEST")
            throw RunbookException.InvalidParameter("ToVersion", "an alias is restored to a published version, not $LATEST.");
        if (deployment != null && !request.Force && alias.FunctionVersion != deployment.StableVersion && alias.FunctionVersion != deployment.CanaryVersion)
            throw new RunbookException("AliasChanged", RunbookErrorCategory.InvalidOperation,
                $"Alias {function}:{aliasName} now serves version {alias.FunctionVersion}, which is neither side of deployment {deployment.DeploymentId}; someone deployed since. Use -Force to restore {target} anyway.",
                function, "Force");

        string from = Routing(alias);
        var record = deployment ?? new CanaryRun
        {
            DeploymentId = request.DeploymentId ?? DeploymentJournal.NewDeploymentId("undo", _host.Time),
            FunctionName = function,
            AliasName = aliasName,
            StableVersion = target,
            CanaryVersion = alias.AdditionalVersionWeights.Keys.FirstOrDefault() ?? alias.FunctionVersion,
            AliasArn = alias.AliasArn,
        };
        var result = new RollbackResult { DeploymentId = record.DeploymentId, Kind = RollbackKind.Alias, Target = $"{function}:{aliasName}", FromVersion = from, ToVersion = target };
        bool routingLeft = alias.AdditionalVersionWeights.Count > 0;
        if (alias.FunctionVersion == target && !routingLeft && deployment?.SecretVersionId == null)
            return await NothingToUndoAsync(deployment, result, aliasName, target).ConfigureAwait(false);

        string? latest = deployment == null ? null : (await DeploymentRecords.LatestOnAsync(_mutation.Journal, DeploymentRecords.TargetOf(deployment)).ConfigureAwait(false))?.DeploymentId;
        if (deployment != null && latest != null && latest != deployment.DeploymentId && !request.Force)
            throw new RunbookException("DeploymentSuperseded", RunbookErrorCategory.InvalidOperation,
                $"Deployment {deployment.DeploymentId} of {function}:{aliasName} was followed by deployment {latest}; undoing the earlier one would also undo that. " +
                $"Undo the latest with Undo-Deployment -DeploymentId {latest}, or use -Force to put the alias back on version {target} anyway.",
                function, "Force");

        var plan = new ChangePlan().Add($"{function}:{aliasName}", $"Point the alias at version {target} alone (now: {from})");
        if (deployment?.SecretVersionId != null)
            plan.Add(deployment.SecretId!, $"Discard staged secret version {deployment.SecretVersionId} (AWSPENDING removed, version kept)");
        if (!plan.Approve(_host)) return Done(result, RollbackStatus.NotRun, ChangePlan.NotApprovedMessage);

        // The emergency bypass: an undo takes the alias's lock from whoever holds it (journaled),
        // so a bake still running elsewhere stops at its next poll instead of moving it again.
        await using var held = await DeploymentLock.AcquireAsync(_mutation.Journal, _host.Time, DeploymentRecords.TargetOf(record), record.DeploymentId, force: true).ConfigureAwait(false);
        try
        {
            await new AliasRouter(_lambda, _mutation, _host).RestoreAsync(record, request.Force ? null : alias.RevisionId, target).ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            // Said from what AWS holds now, read after the failure: the alias may have moved meanwhile.
            string now;
            try { now = Routing(await _lambda.GetAliasAsync(function, aliasName, CancellationToken.None).ConfigureAwait(false)); }
            catch (AwsServiceException) { now = "(reading it back failed too: look with aws lambda get-alias)"; }
            throw UndoFailed(ex, $"{function}:{aliasName}", $"the alias serves {now}");
        }
        string secretNote = "";
        if (deployment?.SecretVersionId != null && _secrets != null)
        {
            var discarded = await new SecretRotationRunner(_secrets, _mutation.Journal, _host)
                .AbandonAsync(deployment.SecretId!, deployment.SecretVersionId, deployment.DeploymentId).ConfigureAwait(false);
            secretNote = " " + discarded.Message;
        }
        await DeploymentRecords.RolledBackAsync(_mutation.Journal, record, target).ConfigureAwait(false);
        return Done(result, RollbackStatus.Completed, $"Alias {aliasName} serves version {target} alone (was {from}).{secretNote}");
    }

    /// <summary>A secret goes back to a version id; -ToVersion, an alias's version, would be ignored, restoring a version the user did not ask for.</summary>
    private static void RefuseFunctionVersion(UndoRequest request, string secretId)
    {
        if (request.ToVersion != null)
            throw RunbookException.InvalidParameter("ToVersion",
                $"this undo moves secret '{secretId}' back, and -ToVersion is a function version for an alias. Give the secret version AWSCURRENT goes back to with -ToVersionId, or leave it out for {SecretStages.Previous}.");
    }

    /// <summary>
    /// A rotation still staged (its version AWSPENDING, not current) is discarded; a finished
    /// one has AWSCURRENT moved back to <paramref name="toVersionId"/> (default AWSPREVIOUS).
    /// </summary>
    private async Task<RollbackResult> UndoSecretAsync(string secretId, string? toVersionId, string? rotatedVersionId,
        string? deploymentId, bool force)
    {
        if (_secrets == null) throw new InvalidOperationException("Undoing a rotation needs the Secrets Manager client.");
        var runner = new SecretRotationRunner(_secrets, _mutation.Journal, _host);
        var secret = await SecretLookup.DescribeAsync(_secrets, secretId, _host.Cancellation).ConfigureAwait(false);
        var stages = new StageMap(secret.VersionIdsToStages);
        if (rotatedVersionId != null && stages.UnfinishedPending == rotatedVersionId)
            return await DiscardStagedAsync(runner, secret, rotatedVersionId, deploymentId).ConfigureAwait(false);
        string target = toVersionId ?? stages.Previous
            ?? throw RunbookException.InvalidParameter("ToVersionId", $"secret '{secret.Name}' has no {SecretStages.Previous} version to go back to; name one with -ToVersionId.", secret.Arn);
        var result = new RollbackResult
        {
            DeploymentId = deploymentId ?? DeploymentJournal.NewDeploymentId("undo", _host.Time),
            Kind = RollbackKind.Secret,
            Target = secret.Arn,
            FromVersion = stages.Current ?? "",
            ToVersion = target,
        };
        if (stages.Current == target) return Done(result, RollbackStatus.NotRun, $"Version {target} is already {SecretStages.Current}; nothing to undo.");
        if (rotatedVersionId != null && stages.Current != rotatedVersionId && !force)
            throw new RunbookException("CurrentVersionChanged", RunbookErrorCategory.InvalidOperation,
                $"{SecretStages.Current} of '{secret.Name}' is version {stages.Current}, not the rotated version {rotatedVersionId}: the secret changed since. Use -Force to move it to {target} anyway.",
                secret.Arn, "Force");

        var plan = new ChangePlan().Add(secret.Name, LabelMoves.DescribePromote(target, stages.Current));
        if (!plan.Approve(_host)) return Done(result, RollbackStatus.NotRun, ChangePlan.NotApprovedMessage);
        // The emergency bypass, as for an alias: a rotation run still watching this secret loses its lock.
        await using var held = await DeploymentLock.AcquireAsync(_mutation.Journal, _host.Time, secret.Arn, result.DeploymentId, force: true).ConfigureAwait(false);
        try
        {
            await runner.MoveCurrentBackAsync(secret.Arn, result.DeploymentId, target, stages.Current).ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            string now;
            try { now = $"version {new StageMap((await _secrets.DescribeSecretAsync(secret.Arn, CancellationToken.None).ConfigureAwait(false)).VersionIdsToStages).Current}"; }
            catch (AwsServiceException) { now = "(reading it back failed too: look with aws secretsmanager describe-secret)"; }
            throw UndoFailed(ex, secret.Name, $"{SecretStages.Current} is on {now}");
        }
        _host.WriteWarning($"AWSCURRENT of '{secret.Name}' is back on version {target}. This rolls back the label only: if the rotation changed the password in the database, set it back there too.");
        return Done(result, RollbackStatus.Completed, $"{SecretStages.Current} of '{secret.Name}' moved from version {stages.Current} back to {target}; {SecretStages.Previous} now holds {stages.Current}.");
    }

    private static string Routing(AliasConfiguration alias) =>
        alias.FunctionVersion + string.Concat(alias.AdditionalVersionWeights.Select(p => $" + {Percent.Of(p.Value, 1)} on {p.Key}"));

    /// <summary>
    /// An undo AWS refused or did not answer (its read-back found the change not made): the error
    /// says what AWS holds and that re-running is safe, since it reads the target anew and refuses
    /// if someone deployed since.
    /// </summary>
    private static RunbookException UndoFailed(AwsServiceException ex, string target, string holds) =>
        new RunbookException("UndoFailed", AwsErrorCategories.Categorize(ex),
            $"Undoing {target} failed ({ex.ErrorCode}: {ex.ServiceMessage}); nothing was moved: {holds}. " +
            (ex.ErrorCode == "PreconditionFailedException" ? "Someone else changed it after it was read. " : "") +
            "Run the same Undo-Deployment again: it reads the target anew, and refuses if someone deployed since.",
            target, null, ex);

    /// <summary>
    /// The alias already serves <paramref name="target"/> alone. A deployment the journal still
    /// records in flight there (its routing removed outside RotationOps, or its run dead before
    /// routing) is recorded as rolled back, so no later command takes it for one in progress.
    /// </summary>
    private async Task<RollbackResult> NothingToUndoAsync(CanaryRun? deployment, RollbackResult result, string aliasName, string target)
    {
        string message = $"Alias {aliasName} already serves version {target} alone; nothing to undo in AWS.";
        if (deployment == null || !DeploymentRecords.InFlight(deployment)) return Done(result, RollbackStatus.NotRun, message);
        var plan = new ChangePlan().Add(DeploymentRecords.NameOf(deployment), $"Record deployment {deployment.DeploymentId} as rolled back in the journal (no AWS change)");
        if (!plan.Approve(_host)) return Done(result, RollbackStatus.NotRun, ChangePlan.NotApprovedMessage);
        await DeploymentRecords.RolledBackAsync(_mutation.Journal, deployment, target).ConfigureAwait(false);
        return Done(result, RollbackStatus.NotRun, $"{message} Deployment {deployment.DeploymentId} is now recorded as rolled back.");
    }

    private async Task<RollbackResult> DiscardStagedAsync(SecretRotationRunner runner, SecretDescription secret, string stagedVersionId, string? deploymentId)
    {
        var result = new RollbackResult
        {
            DeploymentId = deploymentId ?? DeploymentJournal.NewDeploymentId("undo", _host.Time),
            Kind = RollbackKind.Secret,
            Target = secret.Arn,
            FromVersion = stagedVersionId,
            ToVersion = new StageMap(secret.VersionIdsToStages).Current ?? "",
        };
        var plan = new ChangePlan().Add(secret.Name, LabelMoves.DescribeRemovePending(stagedVersionId));
        if (!plan.Approve(_host)) return Done(result, RollbackStatus.NotRun, ChangePlan.NotApprovedMessage);
        var discarded = await runner.AbandonAsync(secret.Arn, stagedVersionId, result.DeploymentId).ConfigureAwait(false);
        return Done(result, RollbackStatus.Completed, discarded.Message);
    }


    private RollbackResult Done(RollbackResult result, RollbackStatus status, string message)
    {
        result.Status = status;
        result.Message = message;
        result.FinishedAt = _host.Time.GetUtcNow();
        return result;
    }
}
