using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Hosting;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Locks;
using RotationOps.Engine.Journal.Records;
using RotationOps.Engine.Lambda;
using RotationOps.Engine.Text;

namespace RotationOps.Engine.Canary;

/// <summary>
/// Publish-LambdaCanary's engine: applies the changes to $LATEST, publishes a version
/// (RevisionId-guarded), waits for it to be Active, optionally invokes it before any traffic,
/// then routes the canary weight to it on the alias (RevisionId-guarded). Until the alias
/// update, live traffic is untouched; after it, the alias is split between two published versions.
/// </summary>
public sealed class CanaryPublisher
{
    private readonly ILambdaClient _client;
    private readonly IRunbookHost _host;
    private readonly JournaledMutation _mutation;
    private readonly LambdaWaiter _waiter;

    public CanaryPublisher(ILambdaClient client, DeploymentJournal journal, IRunbookHost host)
    {
        _client = client;
        _host = host;
        _mutation = new JournaledMutation(journal, host);
        _waiter = new LambdaWaiter(client, host);
    }

    /// <summary>Starts the canary; the deployment comes back as it stands when the canary is routed, or why not.</summary>
    public async Task<LambdaDeployment> PublishAsync(CanaryRequest request) => (await RunAsync(request).ConfigureAwait(false)).Project(_client.Location);

    private async Task<CanaryRun> RunAsync(CanaryRequest request)
    {
        Validate(request);
        string function = request.FunctionName;
        AliasConfiguration alias = await AliasLookup.GetAsync(_client, function, request.AliasName, _host).ConfigureAwait(false);
        if (alias.AdditionalVersionWeights.Count > 0 && !request.Force)
            throw await AlreadyRoutedAsync(function, alias).ConfigureAwait(false);
        if (alias.FunctionVersion == "$LATEST")
            throw new RunbookException("AliasOnLatest", RunbookErrorCategory.InvalidOperation,
                $"Alias {function}:{alias.Name} points at $LATEST; a weighted alias must point at a published version. " +
                "Point it at one first (Set-AliasWeight -Promote on a published version, or update-alias).", function, "AliasName");

        // The journal's deployment still open on this alias: with routing on the alias it is the
        // canary in progress (refused above); without, its routing was removed outside this module
        // or its run died before routing, and starting anew would leave it open in the journal forever.
        var open = await DeploymentRecords.LatestOnAsync(_mutation.Journal, DeploymentRecords.TargetOf(alias, function)).ConfigureAwait(false);
        if (open != null && !DeploymentRecords.InFlight(open)) open = null;

        string stable = alias.FunctionVersion;
        var live = await _client.GetFunctionConfigurationAsync(function, stable, _host.Cancellation).ConfigureAwait(false);
        var fingerprint = new ValueFingerprint(await _mutation.Journal.FingerprintKeyAsync().ConfigureAwait(false));
        if (open != null && !request.Force)
        {
            // The same command again after its run died before routing: go on with that deployment.
            if (IsUnroutedRunOf(open, request, live, fingerprint)) return await ResumeAsync(request, alias, live, open, fingerprint).ConfigureAwait(false);
            throw InFlightUnrouted(open, alias);
        }
        var deployment = new CanaryRun
        {
            DeploymentId = DeploymentJournal.NewDeploymentId("dep", _host.Time),
            FunctionName = live.FunctionName,
            AliasName = alias.Name,
            AliasArn = alias.AliasArn,
            StableVersion = stable,
            StartedAt = _host.Time.GetUtcNow(),
            SecretId = request.SecretId,
            SecretVersionId = request.SecretVersionId,
            PreviousSecretVersionId = request.PreviousSecretVersionId,
        };

        // Held until the canary is routed: a second deployer on this alias is refused. A change
        // between the alias read above and the lock still fails the RevisionId-guarded UpdateAlias.
        await using var held = await DeploymentLock.AcquireAsync(_mutation.Journal, _host.Time, DeploymentRecords.TargetOf(deployment), deployment.DeploymentId, request.Force).ConfigureAwait(false);
        return request.Version != null
            ? await CanaryExistingVersionAsync(request, alias, deployment, open).ConfigureAwait(false)
            : await PublishNewVersionAsync(request, alias, live, deployment, fingerprint, open).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether <paramref name="open"/> is this very command's deployment, stopped before it routed
    /// any traffic: a new canary (not -Version) on the same stable version making the same change.
    /// One that ever routed and lost its routing since was rolled back outside, and is not resumed.
    /// </summary>
    private static bool IsUnroutedRunOf(CanaryRun open, CanaryRequest request, FunctionConfiguration live, ValueFingerprint fingerprint) =>
        request.Version == null && open.Steps.Count == 0 && open.StableVersion == live.Version &&
        open.Changes.SequenceEqual(FunctionChanges.Compute(live, request, fingerprint).Summary);

    /// <summary>Goes on with a run of this command that stopped before routing, under its deployment id.</summary>
    private async Task<CanaryRun> ResumeAsync(CanaryRequest request, AliasConfiguration alias, FunctionConfiguration live, CanaryRun open,
        ValueFingerprint fingerprint)
    {
        _host.WriteWarning($"Resuming deployment {open.DeploymentId} of {open.FunctionName}:{alias.Name}, which this command started at {open.StartedAt:u} " +
                           "and which stopped before routing any traffic; no second deployment is started.");
        await using var held = await DeploymentLock.AcquireAsync(_mutation.Journal, _host.Time, DeploymentRecords.TargetOf(open), open.DeploymentId, request.Force).ConfigureAwait(false);
        return await PublishNewVersionAsync(request, alias, live, open, fingerprint, superseded: null, resumed: true).ConfigureAwait(false);
    }

    private async Task<CanaryRun> CanaryExistingVersionAsync(CanaryRequest request, AliasConfiguration alias, CanaryRun deployment,
        CanaryRun? superseded)
    {
        string version = request.Version!;
        if (version == deployment.StableVersion || version == "$LATEST")
            throw RunbookException.InvalidParameter("Version",
                $"version {version} cannot be the canary: the alias serves {deployment.StableVersion}, and $LATEST cannot be routed. Give another published version.",
                deployment.FunctionName);
        try
        {
            await _waiter.UntilActiveAsync(deployment.FunctionName, version).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.IsNotFound)
        {
            throw RunbookException.InvalidParameter("Version", $"{deployment.FunctionName} has no published version {version}.", deployment.FunctionName);
        }
        deployment.CanaryVersion = version;
        deployment.Changes = new[] { $"Existing version {version}" };
        var plan = new ChangePlan().Add(DeploymentRecords.NameOf(deployment), DescribeRoute(deployment, request.Weight));
        if (!plan.Approve(_host)) return await NotRunAsync(deployment).ConfigureAwait(false);
        await StartAsync(deployment, request.Weight, superseded).ConfigureAwait(false);
        return await PreTrafficThenRouteAsync(request, alias, deployment).ConfigureAwait(false);
    }

    private async Task<CanaryRun> PublishNewVersionAsync(CanaryRequest request, AliasConfiguration alias,
        FunctionConfiguration live, CanaryRun deployment, ValueFingerprint fingerprint, CanaryRun? superseded, bool resumed = false)
    {
        string function = deployment.FunctionName;
        var latest = await _waiter.UntilUpdatedAsync(function).ConfigureAwait(false);
        var drift = FunctionChanges.Drift(live, latest);
        var changes = FunctionChanges.Compute(latest, request, fingerprint);
        bool carried = drift.Count > 0 && FunctionChanges.LatestCarriesOnly(live, latest, request, changes);
        if (drift.Count > 0 && !carried && !request.Force)
            throw new RunbookException("LatestDrifted", RunbookErrorCategory.InvalidOperation,
                $"$LATEST of {function} differs from the live version {live.Version} in: {string.Join("; ", drift)}. " +
                "Publishing now would ship those differences too (a canary that was rolled back leaves its change on $LATEST). " +
                "Reconcile $LATEST, or use -Force to publish them with this change.",
                function, "Force");
        if (carried)
            _host.WriteWarning($"$LATEST of {function} already carries exactly this change ({string.Join("; ", drift)}), from an earlier run that stopped " +
                               "before routing: it is published as it is (or the version that run published is reused), not changed again.");
        // The change as the user asked it, relative to the live version, even when $LATEST already carries it.
        deployment.Changes = FunctionChanges.Compute(live, request, fingerprint).Summary;

        var plan = new ChangePlan();
        if (changes.ChangesConfiguration) plan.Add(function, "Update $LATEST configuration: " + string.Join("; ", changes.Summary.Where(s => !s.StartsWith("Code:", StringComparison.Ordinal))));
        if (request.ZipFile != null && !carried) plan.Add(function, "Update $LATEST code: " + changes.Summary.Last(s => s.StartsWith("Code:", StringComparison.Ordinal)));
        plan.Add(function, "Publish a new version from $LATEST");
        plan.Add(DeploymentRecords.NameOf(deployment), DescribeRoute(deployment, request.Weight));
        if (!plan.Approve(_host)) return await NotRunAsync(deployment).ConfigureAwait(false);
        if (!resumed) await StartAsync(deployment, request.Weight, superseded).ConfigureAwait(false);

        // Whether this run changed $LATEST, so a failure after it says so and one before it does not.
        bool latestChanged = carried;
        try
        {
            if (changes.ChangesConfiguration)
            {
                await _mutation.RunAsync(deployment.DeploymentId, "UpdateFunctionConfiguration", function,
                    JournalDetails.Of(("RevisionId", latest.RevisionId), ("Changes", string.Join("; ", changes.Summary))),
                    () => _client.UpdateFunctionConfigurationAsync(new UpdateFunctionConfigurationRequest
                    {
                        FunctionName = function,
                        RevisionId = latest.RevisionId,
                        Runtime = changes.Runtime,
                        Description = changes.Description,
                        Environment = changes.Environment,
                    }, _host.Cancellation),
                    // A lost answer, or a resend refused for the stale RevisionId its own first attempt
                    // made stale: $LATEST carrying the whole change under a new revision means it was made.
                    ReadBackLatest(function, latest.RevisionId, now => !FunctionChanges.Compute(now, request, fingerprint).ChangesConfiguration)).ConfigureAwait(false);
                latestChanged = true;
                latest = await _waiter.UntilUpdatedAsync(function).ConfigureAwait(false);
            }
            if (request.ZipFile != null && !carried)
            {
                await _mutation.RunAsync(deployment.DeploymentId, "UpdateFunctionCode", function,
                    JournalDetails.Of(("RevisionId", latest.RevisionId)),
                    () => _client.UpdateFunctionCodeAsync(new UpdateFunctionCodeRequest
                    {
                        FunctionName = function,
                        RevisionId = latest.RevisionId,
                        ZipFile = request.ZipFile,
                    }, _host.Cancellation),
                    ReadBackLatest(function, latest.RevisionId, now => now.CodeSha256 == FunctionChanges.CodeSha256Of(request.ZipFile))).ConfigureAwait(false);
                latestChanged = true;
                latest = await _waiter.UntilUpdatedAsync(function).ConfigureAwait(false);
            }
            var published = await _mutation.RunAsync(deployment.DeploymentId, "PublishVersion", function,
                JournalDetails.Of(("RevisionId", latest.RevisionId), ("CodeSha256", latest.CodeSha256)),
                () => _client.PublishVersionAsync(new PublishVersionRequest
                {
                    FunctionName = function,
                    RevisionId = latest.RevisionId,
                    CodeSha256 = latest.CodeSha256,
                    Description = request.Description ?? $"RotationOps {deployment.DeploymentId}",
                }, _host.Cancellation)).ConfigureAwait(false);
            if (published.Version == deployment.StableVersion)
                return await FinishAsync(deployment, DeploymentStatus.Aborted,
                    $"Nothing to canary: $LATEST publishes as the live version {deployment.StableVersion} (no change). The alias is untouched.").ConfigureAwait(false);
            deployment.CanaryVersion = published.Version;
            await _waiter.UntilActiveAsync(function, published.Version).ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            return await FinishAsync(deployment, DeploymentStatus.Aborted,
                $"Publishing the canary failed ({ex.ErrorCode}: {ex.ServiceMessage}). The alias is untouched. " +
                (latestChanged
                    ? "$LATEST already carries the change: run the same command again to publish it (it is reused, not applied twice)."
                    : "$LATEST is unchanged: run the same command again once the cause is gone.")).ConfigureAwait(false);
        }
        catch (RunbookException ex)
        {
            return await FinishAsync(deployment, DeploymentStatus.Aborted, ex.Message + " The alias is untouched.").ConfigureAwait(false);
        }
        return await PreTrafficThenRouteAsync(request, alias, deployment).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads $LATEST back after an update whose answer was lost: the update was made when its
    /// revision moved on from <paramref name="revisionBefore"/> and <paramref name="carries"/> the change.
    /// </summary>
    private ReadBack<FunctionConfiguration> ReadBackLatest(string function, string? revisionBefore, Func<FunctionConfiguration, bool> carries) =>
        async () =>
        {
            var now = await _waiter.UntilUpdatedAsync(function).ConfigureAwait(false);
            return now.RevisionId != revisionBefore && carries(now) ? now : null;
        };

    private async Task<CanaryRun> PreTrafficThenRouteAsync(CanaryRequest request, AliasConfiguration alias, CanaryRun deployment)
    {
        if (request.PreTrafficPayload != null)
        {
            var result = await _client.InvokeAsync(new InvokeRequest
            {
                FunctionName = deployment.FunctionName,
                Qualifier = deployment.CanaryVersion,
                Payload = request.PreTrafficPayload,
            }, _host.Cancellation).ConfigureAwait(false);
            if (result.FunctionError != null)
                return await FinishAsync(deployment, DeploymentStatus.Aborted,
                    $"The pre-traffic invocation of version {deployment.CanaryVersion} failed ({result.FunctionError}: {Excerpt(result.Payload)}). No traffic was moved.").ConfigureAwait(false);
            _host.WriteVerbose($"Pre-traffic invocation of {deployment.FunctionName}:{deployment.CanaryVersion} succeeded.");
        }
        try
        {
            var routed = await new AliasRouter(_client, _mutation, _host).RouteAsync(deployment, alias.RevisionId, request.Weight).ConfigureAwait(false);
            deployment.Weight = request.Weight;
            deployment.Steps = new[]
            {
                new DeploymentStep { Weight = request.Weight, StartedAt = _host.Time.GetUtcNow(), Outcome = StepOutcome.Routed },
            };
            return await FinishAsync(deployment, DeploymentStatus.Canary,
                $"Alias {deployment.AliasName} sends {Percent.Of(request.Weight, 1)} to version {deployment.CanaryVersion} and the rest to {deployment.StableVersion}. " +
                "Move it on with Set-AliasWeight, or back with Undo-Deployment.").ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            return await FinishAsync(deployment, DeploymentStatus.Aborted,
                $"Routing traffic failed ({ex.ErrorCode}: {ex.ServiceMessage}); the alias is unchanged on version {deployment.StableVersion}" +
                (ex.ErrorCode == "PreconditionFailedException" ? " (someone else changed the alias meanwhile)" : "") +
                $". Run the same command again to route version {deployment.CanaryVersion} (it is reused; the alias is read anew and a deployment made since is refused).").ConfigureAwait(false);
        }
    }

    private static void Validate(CanaryRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.FunctionName))
            throw RunbookException.InvalidParameter("FunctionName", "give the function's name or ARN.");
        if (string.IsNullOrWhiteSpace(request.AliasName))
            throw RunbookException.InvalidParameter("AliasName", "give the alias that serves live traffic, e.g. LIVE.");
        LambdaLimits.CheckVariableNames(request.Environment?.Keys, "Environment");
        if (request.Description != null && request.Description.Length > LambdaLimits.MaxDescriptionLength)
            throw RunbookException.InvalidParameter("Description",
                $"it is {request.Description.Length} characters; Lambda keeps at most {LambdaLimits.MaxDescriptionLength} for a function or version description.");
        if (!(request.Weight > 0 && request.Weight < 1))
            throw RunbookException.InvalidParameter("Weight", $"{request.Weight} is not a canary share: give a value above 0 and below 1, e.g. 0.05. To move all traffic use Set-AliasWeight -Promote.");
        if (request.Version != null && request.HasChanges && request.SecretVersionId == null)
            throw RunbookException.InvalidParameter("Version", "-Version canaries an existing version as it is; it cannot be combined with -Environment, -RemoveEnvironmentVariable, -Runtime, -ZipFile or -Description.");
        if (request.Version == null && !request.HasChanges)
            throw RunbookException.InvalidParameter("Version", "nothing to deploy: give -Environment, -RemoveEnvironmentVariable, -Runtime, -ZipFile or -Description to publish a new version, or -Version to canary an existing one.");
    }

    /// <summary>Journals the start, closing first the deployment -Force starts this one over.</summary>
    private async Task StartAsync(CanaryRun deployment, double weight, CanaryRun? superseded)
    {
        if (superseded != null)
            await DeploymentRecords.SupersededAsync(_mutation.Journal, superseded, deployment.DeploymentId).ConfigureAwait(false);
        await DeploymentRecords.StartedAsync(_mutation.Journal, deployment, weight).ConfigureAwait(false);
    }

    private Task<CanaryRun> NotRunAsync(CanaryRun deployment) =>
        FinishAsync(deployment, DeploymentStatus.NotRun, ChangePlan.NotApprovedMessage);

    private async Task<CanaryRun> FinishAsync(CanaryRun deployment, DeploymentStatus status, string message)
    {
        deployment.Status = status;
        deployment.Message = message;
        if (status != DeploymentStatus.Canary) deployment.FinishedAt = _host.Time.GetUtcNow();
        await DeploymentRecords.TransitionAsync(_mutation.Journal, deployment,
            status == DeploymentStatus.NotRun ? JournalPhase.Skipped : status == DeploymentStatus.Aborted ? JournalPhase.Aborted : JournalPhase.Succeeded,
            status == DeploymentStatus.Aborted ? message : null).ConfigureAwait(false);
        return deployment;
    }

    /// <summary>
    /// The refusal of a second canary on a routed alias, naming the deployment the journal
    /// records in flight there, with the exact commands that resume or undo it.
    /// </summary>
    private async Task<RunbookException> AlreadyRoutedAsync(string function, AliasConfiguration alias)
    {
        var routed = alias.AdditionalVersionWeights.First();
        var recorded = await DeploymentRecords.LatestOnAsync(_mutation.Journal, DeploymentRecords.TargetOf(alias, function)).ConfigureAwait(false);
        string next = recorded != null && recorded.CanaryVersion == routed.Key
            ? $"It is deployment {recorded.DeploymentId} in the journal: resume it with Set-AliasWeight -DeploymentId {recorded.DeploymentId} -Steps ..., " +
              $"promote it with Set-AliasWeight -DeploymentId {recorded.DeploymentId} -Promote, or undo it with Undo-Deployment -DeploymentId {recorded.DeploymentId}"
            : $"The journal records no deployment for it (routed outside this module, or from another machine): finish it with Set-AliasWeight -FunctionName {function} -AliasName {alias.Name} -Promote, " +
              $"or undo it with Undo-Deployment -FunctionName {function} -AliasName {alias.Name}";
        return new RunbookException("AliasAlreadyRouted", RunbookErrorCategory.InvalidOperation,
            $"Alias {function}:{alias.Name} already routes {Percent.Of(routed.Value, 0)} of its traffic to version {routed.Key}, a canary in progress. " +
            $"{next}; or use -Force to replace that routing.", function, "Force");
    }

    /// <summary>
    /// The refusal of a new canary while the journal records <paramref name="open"/> in flight on an
    /// alias that no longer routes to it, with the commands that close it.
    /// </summary>
    private static RunbookException InFlightUnrouted(CanaryRun open, AliasConfiguration alias) =>
        new RunbookException("DeploymentInFlight", RunbookErrorCategory.InvalidOperation,
            $"The journal records deployment {open.DeploymentId} of {open.FunctionName}:{alias.Name} in flight ({open.Status}, {Percent.Of(open.Weight, 1)} on version {open.CanaryVersion}, " +
            $"started {open.StartedAt:u}), but the alias serves version {alias.FunctionVersion} alone: its routing was removed outside RotationOps, " +
            $"or the run that started it stopped before routing. Close it with Undo-Deployment -DeploymentId {open.DeploymentId} " +
            $"(it records the deployment as rolled back; the alias stays on version {alias.FunctionVersion}), then run this again; " +
            "or run this again with -Force, which records that deployment as superseded by the new one.",
            open.FunctionName, "Force");

    private static string DescribeRoute(CanaryRun deployment, double weight) =>
        $"Route {Percent.Of(weight, 1)} of alias {deployment.AliasName} to the new version (the rest stays on {deployment.StableVersion})";

    private static string Excerpt(byte[] payload)
    {
        string text = Encoding.UTF8.GetString(payload);
        return text.Length <= 300 ? text : text.Substring(0, 300) + "...";
    }
}
