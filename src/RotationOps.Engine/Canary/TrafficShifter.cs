using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Canary.Gates;
using RotationOps.Engine.CloudWatch;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Hosting;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Locks;
using RotationOps.Engine.Journal.Records;
using RotationOps.Engine.Lambda;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.Text;

namespace RotationOps.Engine.Canary;

/// <summary>
/// Set-AliasWeight's engine: moves an alias through weights, baking each under the health
/// gates; a failing gate rolls the alias back to the stable version (and, for a secret
/// canary, un-stages the secret) and the result carries the evidence. Promotion completes a
/// staged secret before the alias moves, so both versions read the same value afterwards.
/// </summary>
public sealed class TrafficShifter
{
    private readonly ILambdaClient _lambda;
    private readonly ICloudWatchClient? _cloudWatch;
    private readonly SecretRotationRunner? _secrets;
    private readonly IRunbookHost _host;
    private readonly JournaledMutation _mutation;
    private readonly AliasRouter _router;

    public TrafficShifter(ILambdaClient lambda, ICloudWatchClient? cloudWatch, SecretRotationRunner? secrets,
        DeploymentJournal journal, IRunbookHost host)
    {
        _lambda = lambda;
        _cloudWatch = cloudWatch;
        _secrets = secrets;
        _host = host;
        _mutation = new JournaledMutation(journal, host);
        _router = new AliasRouter(lambda, _mutation, host);
    }

    /// <summary>Moves the deployment along; it comes back as the alias holds it at the end, with every step's evidence.</summary>
    public async Task<LambdaDeployment> ShiftAsync(TrafficShiftRequest request) => (await RunAsync(request).ConfigureAwait(false)).Project(_lambda.Location);

    private async Task<CanaryRun> RunAsync(TrafficShiftRequest request)
    {
        var weights = request.Validate();
        var gates = await HealthGates.BuildAsync(request, weights.Count(w => w < 1), _cloudWatch, _lambda.Location, _host).ConfigureAwait(false);
        var (deployment, recorded) = await ResolveAsync(request).ConfigureAwait(false);
        if (deployment.SecretVersionId != null && _secrets == null)
            throw new InvalidOperationException("A secret canary needs the Secrets Manager client.");
        // Held from before the alias is read until the shift ends: a second deployer on this
        // alias is refused rather than moving it underneath this one.
        await using var held = await DeploymentLock.AcquireAsync(_mutation.Journal, _host.Time, DeploymentRecords.TargetOf(deployment), deployment.DeploymentId, request.Force).ConfigureAwait(false);
        if (!recorded)
            await DeploymentRecords.StartedAsync(_mutation.Journal, deployment, deployment.Weight).ConfigureAwait(false);

        var alias = await AliasLookup.GetAsync(_lambda, deployment.FunctionName, deployment.AliasName, _host).ConfigureAwait(false);
        if (alias.FunctionVersion == deployment.CanaryVersion && alias.AdditionalVersionWeights.Count == 0)
        {
            deployment.Weight = 1;
            return await RecordAsync(deployment, DeploymentStatus.Promoted, $"Alias {deployment.AliasName} already serves version {deployment.CanaryVersion} alone; nothing to do.").ConfigureAwait(false);
        }
        DeploymentAliasCheck.Ensure(alias, deployment, request.Force);

        var plan = new ChangePlan();
        foreach (double weight in weights)
            plan.Add(DeploymentRecords.NameOf(deployment), weight >= 1
                ? $"Promote version {deployment.CanaryVersion} to all traffic" + (deployment.SecretVersionId != null ? $" after moving AWSCURRENT of {deployment.SecretId} to {deployment.SecretVersionId}" : "")
                : $"Route {Percent.Of(weight, 1)} to version {deployment.CanaryVersion}" + (request.BakeTime > TimeSpan.Zero ? $" and bake {(request.Verdict == CanaryVerdict.Sequential ? "up to " : "")}{request.BakeTime} (rolls back to {deployment.StableVersion} if a gate fails)" : ""));
        if (!plan.Approve(_host))
            return await RecordAsync(deployment, DeploymentStatus.NotRun, ChangePlan.NotApprovedMessage, JournalPhase.Skipped).ConfigureAwait(false);

        var steps = new List<DeploymentStep>(deployment.Steps);
        string? revision = alias.RevisionId;
        try
        {
            // Alarms are checked before the first move too: traffic never moves onto an incident.
            var alarms = gates.OfType<AlarmGate>().ToList<IHealthGate>();
            if (alarms.Count > 0)
            {
                var preflight = await EvaluateAsync(alarms, deployment, _host.Time.GetUtcNow(), endOfBake: false).ConfigureAwait(false);
                if (preflight.Any(g => g.Result == CheckResult.Failed))
                    return await FailAsync(deployment, steps, new DeploymentStep { Weight = deployment.Weight, StartedAt = _host.Time.GetUtcNow(), Gates = preflight }, revision, request).ConfigureAwait(false);
            }
            foreach (double weight in weights)
            {
                if (weight >= 1) return await PromoteAsync(deployment, steps, revision).ConfigureAwait(false);
                revision = (await _router.RouteAsync(deployment, revision, weight).ConfigureAwait(false)).RevisionId;
                deployment.Weight = weight;
                var step = new DeploymentStep { Weight = weight, StartedAt = _host.Time.GetUtcNow() };
                steps.Add(step);
                deployment.Steps = steps;
                await RecordAsync(deployment, DeploymentStatus.Canary, $"Routed {Percent.Of(weight, 1)} to version {deployment.CanaryVersion}.", JournalPhase.Succeeded).ConfigureAwait(false);
                bool healthy = await BakeAsync(deployment, step, gates, request.BakeTime, request.PollInterval, held).ConfigureAwait(false);
                if (!healthy) return await FailAsync(deployment, steps, step, revision, request).ConfigureAwait(false);
            }
            return await RecordAsync(deployment, DeploymentStatus.Canary,
                $"Alias {deployment.AliasName} sends {Percent.Of(deployment.Weight, 1)} to version {deployment.CanaryVersion}; gates held. Promote with Set-AliasWeight -Promote.").ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            foreach (var open in steps.Where(s => s.Outcome == StepOutcome.Open))
            {
                open.EndedAt = _host.Time.GetUtcNow();
                open.Outcome = StepOutcome.Stopped;
            }
            deployment.Steps = steps;
            await DeploymentRecords.TransitionAsync(_mutation.Journal, deployment, JournalPhase.Aborted,
                $"Stopped (Ctrl+C, or a terminating error elsewhere in the command) with {Percent.Of(deployment.Weight, 1)} on version {deployment.CanaryVersion}. The alias is consistent (published versions only). " +
                $"Resume: Set-AliasWeight -DeploymentId {deployment.DeploymentId} -Steps ...; undo: Undo-Deployment -DeploymentId {deployment.DeploymentId}.").ConfigureAwait(false);
            throw;
        }
        catch (AwsServiceException ex)
        {
            return await RecordAsync(deployment, deployment.Weight > 0 ? DeploymentStatus.Halted : DeploymentStatus.Aborted,
                $"Moving traffic failed ({ex.ErrorCode}: {ex.ServiceMessage}). The alias is where it was before that call: " +
                $"{(deployment.Weight > 0 ? $"{Percent.Of(deployment.Weight, 1)} on version {deployment.CanaryVersion}" : $"version {deployment.StableVersion} alone")}. " +
                $"Resume with Set-AliasWeight -DeploymentId {deployment.DeploymentId}, or undo with Undo-Deployment -DeploymentId {deployment.DeploymentId}.",
                JournalPhase.Aborted).ConfigureAwait(false);
        }
    }

    private async Task<bool> BakeAsync(CanaryRun deployment, DeploymentStep step, IReadOnlyList<IHealthGate> gates,
        TimeSpan bakeTime, TimeSpan pollInterval, DeploymentLock held)
    {
        int activityId = ProgressUpdate.NextActivityId();
        bool mayEndEarly = gates.OfType<SequentialGate>().Any();
        string activity = $"Canary {deployment.FunctionName}:{deployment.AliasName} at {Percent.Of(step.Weight, 0)} (version {deployment.CanaryVersion})";
        try
        {
            while (true)
            {
                TimeSpan elapsed = _host.Time.GetUtcNow() - step.StartedAt;
                bool endOfBake = elapsed >= bakeTime;
                if (gates.Count > 0 && (elapsed > TimeSpan.Zero || endOfBake))
                {
                    step.Gates = await EvaluateAsync(gates, deployment, step.StartedAt, endOfBake).ConfigureAwait(false);
                    if (step.Gates.Any(g => g.Result == CheckResult.Failed))
                    {
                        step.EndedAt = _host.Time.GetUtcNow();
                        step.Outcome = StepOutcome.Failed;
                        return false;
                    }
                    // The verdict's Promote ends the bake only when every other gate passes on the same
                    // poll too: an ErrorRate gate short of -MinInvocations, or an alarm, keeps it baking.
                    if (mayEndEarly && step.Gates.All(g => g.Result == CheckResult.Passed))
                    {
                        step.EndedAt = _host.Time.GetUtcNow();
                        step.Outcome = StepOutcome.Passed;
                        return true;
                    }
                }
                if (endOfBake)
                {
                    step.EndedAt = _host.Time.GetUtcNow();
                    step.Outcome = StepOutcome.Passed;
                    return true;
                }
                _host.WriteProgress(new ProgressUpdate(activityId, activity,
                    $"Baking {elapsed:hh\\:mm\\:ss} of {bakeTime:hh\\:mm\\:ss}" + (step.Gates.Count > 0 ? "; " + string.Join("; ", step.Gates.Select(g => g.Evidence)) : ""))
                {
                    PercentComplete = (int)(100 * elapsed.Ticks / Math.Max(1, bakeTime.Ticks)),
                    SecondsRemaining = (int)(bakeTime - elapsed).TotalSeconds,
                });
                await held.RenewAsync().ConfigureAwait(false);
                TimeSpan wait = bakeTime - elapsed < pollInterval ? bakeTime - elapsed : pollInterval;
                await _host.Time.Delay(wait, _host.Cancellation).ConfigureAwait(false);
            }
        }
        finally
        {
            _host.WriteProgress(new ProgressUpdate(activityId, activity, "Done") { Completed = true });
        }
    }

    private async Task<IReadOnlyList<GateResult>> EvaluateAsync(IReadOnlyList<IHealthGate> gates, CanaryRun deployment,
        DateTimeOffset stepStartedAt, bool endOfBake)
    {
        var context = new GateContext(deployment, stepStartedAt, endOfBake,
            () => CanaryMetricsReader.ReadAsync(_cloudWatch!, deployment, stepStartedAt, _host.Time.GetUtcNow(), _host.Cancellation));
        var results = new List<GateResult>();
        foreach (var gate in gates) results.Add(await gate.EvaluateAsync(context).ConfigureAwait(false));
        return results;
    }

    private async Task<CanaryRun> PromoteAsync(CanaryRun deployment, List<DeploymentStep> steps, string? revision)
    {
        if (deployment.SecretVersionId != null)
        {
            string? failure;
            try
            {
                var secret = await _secrets!.CompleteAsync(deployment.SecretId!, deployment.SecretVersionId, deployment.PreviousSecretVersionId,
                    deployment.DeploymentId, force: false, tester: null).ConfigureAwait(false);
                failure = secret.Status == RotationStatus.Completed ? null : secret.Message;
            }
            catch (RunbookException ex)
            {
                // E.g. the secret was rotated again meanwhile: the canary's value can no longer go live.
                failure = ex.Message;
            }
            if (failure != null)
            {
                var failed = new DeploymentStep { Weight = deployment.Weight, StartedAt = _host.Time.GetUtcNow(), Gates = new[] { new GateResult("SecretCompletion", CheckResult.Failed, failure) } };
                return await RollBackAsync(deployment, steps, failed, revision, $"Completing secret {deployment.SecretId} failed: {failure}").ConfigureAwait(false);
            }
        }
        await _router.PromoteAsync(deployment, revision).ConfigureAwait(false);
        deployment.Weight = 1;
        steps.Add(new DeploymentStep { Weight = 1, StartedAt = _host.Time.GetUtcNow(), EndedAt = _host.Time.GetUtcNow(), Outcome = StepOutcome.Promoted });
        deployment.Steps = steps;
        return await RecordAsync(deployment, DeploymentStatus.Promoted,
            $"Alias {deployment.AliasName} serves version {deployment.CanaryVersion} alone" +
            (deployment.SecretVersionId != null ? $"; AWSCURRENT of {deployment.SecretId} is version {deployment.SecretVersionId}." : "."),
            JournalPhase.Completed).ConfigureAwait(false);
    }

    private Task<CanaryRun> FailAsync(CanaryRun deployment, List<DeploymentStep> steps, DeploymentStep failed,
        string? revision, TrafficShiftRequest request)
    {
        string evidence = string.Join("; ", failed.Gates.Where(g => g.Result == CheckResult.Failed).Select(g => $"{g.Gate}: {g.Evidence}"));
        if (!steps.Contains(failed)) steps.Add(failed);
        deployment.Steps = steps;
        if (request.NoRollback)
            return RecordAsync(deployment, DeploymentStatus.Halted,
                $"A gate failed at {Percent.Of(deployment.Weight, 1)} ({evidence}). -NoRollback: the alias stays split between {deployment.StableVersion} and {deployment.CanaryVersion}. " +
                $"Undo with Undo-Deployment -DeploymentId {deployment.DeploymentId}.", JournalPhase.Aborted);
        return RollBackAsync(deployment, steps, failed, revision, $"A gate failed at {Percent.Of(deployment.Weight, 1)}: {evidence}");
    }

    private async Task<CanaryRun> RollBackAsync(CanaryRun deployment, List<DeploymentStep> steps, DeploymentStep failed,
        string? revision, string reason)
    {
        if (!steps.Contains(failed)) steps.Add(failed);
        deployment.Steps = steps;
        try
        {
            await _router.RestoreAsync(deployment, revision, deployment.StableVersion).ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            return await RecordAsync(deployment, DeploymentStatus.Halted,
                $"{reason}. Rolling back failed ({ex.ErrorCode}: {ex.ServiceMessage}): the alias is still split with {Percent.Of(deployment.Weight, 1)} on version {deployment.CanaryVersion}. " +
                $"Run Undo-Deployment -DeploymentId {deployment.DeploymentId} -Force.", JournalPhase.Aborted).ConfigureAwait(false);
        }
        deployment.Weight = 0;
        string secretNote = "";
        if (deployment.SecretVersionId != null)
        {
            var abandoned = await _secrets!.AbandonAsync(deployment.SecretId!, deployment.SecretVersionId, deployment.DeploymentId).ConfigureAwait(false);
            secretNote = " " + abandoned.Message;
        }
        return await RecordAsync(deployment, DeploymentStatus.RolledBack,
            $"{reason}. Rolled back: alias {deployment.AliasName} serves version {deployment.StableVersion} alone.{secretNote}", JournalPhase.Aborted).ConfigureAwait(false);
    }

    private async Task<CanaryRun> RecordAsync(CanaryRun deployment, DeploymentStatus status, string message, JournalPhase phase = JournalPhase.Succeeded)
    {
        deployment.Status = status;
        deployment.Message = message;
        if (status != DeploymentStatus.Canary) deployment.FinishedAt = _host.Time.GetUtcNow();
        await DeploymentRecords.TransitionAsync(_mutation.Journal, deployment, phase, phase == JournalPhase.Aborted ? message : null).ConfigureAwait(false);
        return deployment;
    }

    /// <summary>
    /// The deployment to move and whether the journal already records it: the one named by
    /// -DeploymentId; else, for -FunctionName/-AliasName, the deployment last recorded on that
    /// alias while the alias still routes to its canary (so a re-run after a crash resumes it
    /// under its own id); else a new record of the routing found on the alias.
    /// </summary>
    private async Task<(CanaryRun Deployment, bool Recorded)> ResolveAsync(TrafficShiftRequest request)
    {
        if (request.DeploymentId != null)
        {
            var recorded = await DeploymentRecords.FindAsync(_mutation.Journal, request.DeploymentId).ConfigureAwait(false)
                ?? throw RunbookException.InvalidParameter("DeploymentId", $"the journal ({_mutation.Journal.Location}) has no deployment '{request.DeploymentId}'.");
            if (string.IsNullOrEmpty(recorded.CanaryVersion) || recorded.Status == DeploymentStatus.Aborted)
                throw RunbookException.InvalidParameter("DeploymentId", $"deployment '{request.DeploymentId}' never routed traffic to its canary ({recorded.Status}); there is nothing to move. Publish a new canary.");
            if (recorded.Status == DeploymentStatus.RolledBack && !request.Force)
                throw RunbookException.InvalidParameter("DeploymentId", $"deployment '{request.DeploymentId}' was rolled back; publish a new canary, or use -Force to route this one again.");
            RecordedRegion.Check(recorded.DeploymentId, recorded.AliasArn, _lambda.Location, "Set-AliasWeight");
            return (recorded, true);
        }
        if (string.IsNullOrWhiteSpace(request.FunctionName) || string.IsNullOrWhiteSpace(request.AliasName))
            throw RunbookException.InvalidParameter("FunctionName", "give -FunctionName and -AliasName, a -DeploymentId, or pipe in a deployment from Publish-LambdaCanary.");
        var alias = await AliasLookup.GetAsync(_lambda, request.FunctionName!, request.AliasName!, _host).ConfigureAwait(false);
        if (alias.AdditionalVersionWeights.Count == 0)
            throw new RunbookException("AliasNotRouted", RunbookErrorCategory.InvalidOperation,
                $"Alias {request.FunctionName}:{request.AliasName} serves version {alias.FunctionVersion} alone: there is no canary to move. Start one with Publish-LambdaCanary.",
                request.FunctionName, "AliasName");
        var routed = alias.AdditionalVersionWeights.First();
        var inFlight = await DeploymentRecords.LatestOnAsync(_mutation.Journal, DeploymentRecords.TargetOf(alias, request.FunctionName!)).ConfigureAwait(false);
        if (inFlight != null && inFlight.CanaryVersion == routed.Key && inFlight.StableVersion == alias.FunctionVersion
            && DeploymentRecords.InFlight(inFlight))
            return (inFlight, true);
        var deployment = new CanaryRun
        {
            DeploymentId = DeploymentJournal.NewDeploymentId("dep", _host.Time),
            FunctionName = request.FunctionName!,
            AliasName = alias.Name,
            AliasArn = alias.AliasArn,
            StableVersion = alias.FunctionVersion,
            CanaryVersion = routed.Key,
            Weight = routed.Value,
            StartedAt = _host.Time.GetUtcNow(),
        };
        return (deployment, false);
    }
}
