using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.CloudWatch;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Hosting;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Records;
using RotationOps.Engine.SecretsManager;

namespace RotationOps.Engine.Rotation;

/// <summary>
/// Invoke-SecretRotation's engine: one secret per call. Checks the secret's state and the
/// input before any change, plans the label moves, asks for each, then runs them journaled.
/// A failure leaves AWSCURRENT on a readable version and says how to go on.
/// </summary>
public sealed class SecretRotationRunner
{
    private readonly RotationContext _context;

    /// <summary>
    /// <paramref name="cloudWatch"/> lets a service rotation notice a failing rotation function from
    /// its errors; without it the wait ends at -Timeout.
    /// </summary>
    public SecretRotationRunner(ISecretsManagerClient client, DeploymentJournal journal, IRunbookHost host, ICloudWatchClient? cloudWatch = null)
    {
        _context = new RotationContext(client, journal, host, cloudWatch);
    }

    public Task<SecretRotation> RotateAsync(SecretRotationRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.SecretId))
            throw RunbookException.InvalidParameter("SecretId", "give the name or ARN of a secret.");
        if (request.Mode == RotationMode.Service && request.Pending)
            throw RunbookException.InvalidParameter("Pending",
                "-Pending needs a manual rotation (-NewValue or -GeneratePassword): in a service rotation the rotation function moves the labels itself.");
        if (request.Mode == RotationMode.Service && request.Tester != null)
            throw RunbookException.InvalidParameter("TestScript",
                "-TestScript needs a manual rotation (-NewValue or -GeneratePassword): in a service rotation the rotation function's testSecret step tests the value.");
        if (request.Timeout <= TimeSpan.Zero)
            throw RunbookException.InvalidParameter("Timeout", "give a positive time span, e.g. 00:10:00.");

        return request.Mode == RotationMode.Service
            ? new ServiceRotation(_context, request).RunAsync()
            : new ManualRotation(_context, request).RunAsync();
    }

    /// <summary>
    /// Promotes a version staged with -Pending: AWSCURRENT moves to it only if AWSCURRENT is
    /// still where it was when the rotation started (<paramref name="expectedCurrentVersionId"/>),
    /// unless <paramref name="force"/>.
    /// </summary>
    public Task<SecretRotation> CompleteAsync(string secretId, string versionId, string? expectedCurrentVersionId,
        string? deploymentId, bool force, ISecretTester? tester) =>
        new CompleteStaged(_context, secretId, versionId, expectedCurrentVersionId, deploymentId, force, tester).RunAsync();

    /// <summary>
    /// Discards a version staged with -Pending (a failed canary): AWSPENDING comes off it, the
    /// version is kept, AWSCURRENT is untouched. Nothing to do when it is no longer pending.
    /// </summary>
    public async Task<SecretRotation> AbandonAsync(string secretId, string versionId, string deploymentId)
    {
        var secret = await _context.DescribeAsync(secretId).ConfigureAwait(false);
        var run = _context.NewRun(secret, RotationMode.Manual, deploymentId, _context.Host.Time.GetUtcNow());
        run.VersionId = versionId;
        if (new StageMap(secret.VersionIdsToStages).Pending != versionId)
            return await _context.FinishAsync(run, RotationStatus.NotRun, $"Version {versionId} of '{secret.Name}' is not {SecretStages.Pending}; nothing to discard.").ConfigureAwait(false);
        return await new PromoteStaged(_context, _context.LabelMovesFor(deploymentId, secret.Arn), run)
            .AbandonAsync(versionId, $"Staged version {versionId} of '{secret.Name}' was discarded").ConfigureAwait(false);
    }

    /// <summary>
    /// Undo-Deployment of a rotation: AWSCURRENT back on <paramref name="toVersionId"/>, taken from
    /// <paramref name="fromVersionId"/> (refused by AWS if it moved meanwhile), journaled under the undo.
    /// </summary>
    public Task MoveCurrentBackAsync(string secretArn, string deploymentId, string toVersionId, string? fromVersionId) =>
        _context.LabelMovesFor(deploymentId, secretArn).PromoteAsync(toVersionId, fromVersionId);
}
