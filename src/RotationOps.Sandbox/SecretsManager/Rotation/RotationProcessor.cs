using System;
using System.Collections.Generic;
using RotationOps.Sandbox.Errors;
using RotationOps.Sandbox.Lambda.Invocation;
using RotationOps.Sandbox.RotationFunctions;

namespace RotationOps.Sandbox.SecretsManager.Rotation;

/// <summary>
/// Moves rotations through time. Nothing runs in the background: at the start of every request
/// (and every inspection) <see cref="CatchUp"/> replays, in time order, whatever became due on the
/// virtual clock — rotation steps, scheduled rotations, and the end of deletion windows — each
/// stamped with the instant it was due. The caller holds the store lock.
/// </summary>
internal sealed class RotationProcessor(SecretStore store, RotationFunctionRegistry functions, NativeRotationFunction native, LambdaMetrics metrics)
{
    private static readonly RotationStep[] AllSteps =
        [RotationStep.CreateSecret, RotationStep.SetSecret, RotationStep.TestSecret, RotationStep.FinishSecret];

    private static readonly RotationStep[] DryRunSteps = [RotationStep.TestSecret];

    /// <summary>
    /// Starts a rotation: the AWSPENDING placeholder named by the token, then the function's steps
    /// (all four, or only testSecret for a RotateImmediately=false dry run).
    /// </summary>
    public void Begin(Secret secret, string token, RotationFunction function, bool immediately, DateTimeOffset at)
    {
        var placeholder = secret.VersionById(token);
        if (placeholder is null)
        {
            VersionRetention.EnsureRoomForNewVersion(secret, at);
            placeholder = new SecretVersion(token, null, at);
            secret.Versions.Add(placeholder);
        }

        StagingLabels.Attach(secret, StagingLabels.Pending, placeholder);
        secret.ActiveRun = new RotationRun(token, function.Arn, immediately ? AllSteps : DryRunSteps, !immediately, at + function.Behavior.StepLatency);
        secret.LastChangedDate = at;
        secret.RotationEvents.Add(new RotationEvent("RotationStarted", token, at, immediately ? null : "RotateImmediately=false: testSecret only"));
    }

    /// <summary>CancelRotateSecret: the remaining steps never run; labels stay as they are.</summary>
    public void Abandon(Secret secret, DateTimeOffset at)
    {
        if (secret.ActiveRun is { } run)
        {
            secret.ActiveRun = null;
            secret.RotationEvents.Add(new RotationEvent("RotationAbandoned", run.Token, at, "CancelRotateSecret"));
        }
    }

    public void CatchUp(DateTimeOffset now)
    {
        while (NextDue(now) is { } due)
        {
            switch (due.Kind)
            {
                case DueKind.DeletionWindowEnds:
                    store.Remove(due.Secret);
                    break;
                case DueKind.Step:
                    RunStep(due.Secret, due.Secret.ActiveRun!, due.At);
                    break;
                case DueKind.WindowOpens:
                    StartScheduled(due.Secret, due.At);
                    break;
            }
        }
    }

    private Due? NextDue(DateTimeOffset now)
    {
        Due? earliest = null;
        void Consider(Secret secret, DateTimeOffset? at, DueKind kind)
        {
            if (at is { } instant && instant <= now && (earliest is null || instant < earliest.At))
            {
                earliest = new Due(secret, instant, kind);
            }
        }

        foreach (var secret in store.All)
        {
            Consider(secret, secret.DeletionDate, DueKind.DeletionWindowEnds);
            Consider(secret, secret.ActiveRun?.NextStepDue, DueKind.Step);
            if (secret.ActiveRun is null && !secret.IsDeleted && secret.Rotation is { Enabled: true, NextWindow: { } window })
            {
                Consider(secret, window.Opens, DueKind.WindowOpens);
            }
        }

        return earliest;
    }

    private void RunStep(Secret secret, RotationRun run, DateTimeOffset at)
    {
        var function = functions.Find(run.FunctionArn);
        var failure = secret.IsDeleted ? SecretsManagerErrors.MarkedForDeletion().Message
            : function is not { Behavior.AllowSecretsManagerInvoke: true } ? SecretsManagerErrors.CannotInvokeRotationFunction().Message
            : native.Invoke(function, run.NextStep, secret, run.Token, at);
        if (function is { Behavior.AllowSecretsManagerInvoke: true } && !secret.IsDeleted)
        {
            // Each step is one invocation of the function, counted in AWS/Lambda as any other:
            // a failing step is an Error there within the minute, as on AWS.
            metrics.Publish(new Dictionary<string, string> { ["FunctionName"] = function.Name }, at,
                InvocationTally.Of(1, failure is null ? 0 : 1, function.Behavior.StepLatency));
        }

        if (failure is not null)
        {
            // The caller of RotateSecret never sees this: AWSPENDING stays where it is and
            // LastRotatedDate is untouched, as after a failed rotation on AWS.
            secret.ActiveRun = null;
            secret.RotationEvents.Add(new RotationEvent("RotationFailed", run.Token, at, $"{RotationStepNames.Of(run.NextStep)}: {failure}"));
            ScheduleNext(secret, at);
            return;
        }

        if (run.CompleteStep())
        {
            run.NextStepDue = at + function!.Behavior.StepLatency;
            return;
        }

        secret.ActiveRun = null;
        if (run.IsDryRun)
        {
            // The dry run's placeholder was only there to be tested: it goes away again.
            if (secret.VersionById(run.Token) is { Value: null } placeholder)
            {
                secret.Versions.Remove(placeholder);
            }

            secret.RotationEvents.Add(new RotationEvent("RotationSucceeded", run.Token, at, "RotateImmediately=false: testSecret passed"));
            return;
        }

        secret.LastRotatedDate = at;
        secret.RotationEvents.Add(new RotationEvent("RotationSucceeded", run.Token, at, null));
        ScheduleNext(secret, at);
    }

    /// <summary>
    /// A rotation window opened. If an earlier rotation left AWSPENDING on a version other than
    /// AWSCURRENT, AWS reattempts that rotation with the same token; otherwise it starts a new one.
    /// </summary>
    private void StartScheduled(Secret secret, DateTimeOffset at)
    {
        var rotation = secret.Rotation!;
        var function = functions.Find(rotation.LambdaArn);
        var pending = secret.VersionWithStage(StagingLabels.Pending);
        var token = pending is not null && !pending.HasStage(StagingLabels.Current) ? pending.VersionId : Guid.NewGuid().ToString();
        try
        {
            if (function is not { Behavior.AllowSecretsManagerInvoke: true })
            {
                throw SecretsManagerErrors.CannotInvokeRotationFunction();
            }

            Begin(secret, token, function, immediately: true, at);
        }
        catch (AwsErrorException error)
        {
            secret.RotationEvents.Add(new RotationEvent("RotationFailed", token, at, error.Message));
            ScheduleNext(secret, at);
        }
    }

    private static void ScheduleNext(Secret secret, DateTimeOffset after)
    {
        if (secret.Rotation is { } rotation)
        {
            rotation.NextWindow = rotation.Rules?.Schedule.NextWindow(after);
        }
    }

    private enum DueKind
    {
        DeletionWindowEnds,
        Step,
        WindowOpens,
    }

    private sealed record Due(Secret Secret, DateTimeOffset At, DueKind Kind);
}
