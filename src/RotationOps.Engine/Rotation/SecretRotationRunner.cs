using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Hosting;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Records;
using RotationOps.Engine.SecretsManager;

namespace RotationOps.Engine.Rotation
{
    /// <summary>
    /// Invoke-SecretRotation's engine: one secret per call. Checks the secret's state and the
    /// input before any change, plans the label moves, asks for each, then runs them journaled.
    /// A failure leaves AWSCURRENT on a readable version and says how to go on.
    /// </summary>
    public sealed class SecretRotationRunner
    {
        private readonly ISecretsManagerClient _client;
        private readonly IRunbookHost _host;
        private readonly JournaledMutation _mutation;

        public SecretRotationRunner(ISecretsManagerClient client, DeploymentJournal journal, IRunbookHost host)
        {
            _client = client;
            _host = host;
            _mutation = new JournaledMutation(journal, host);
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
                ? new ServiceRotation(this, request).RunAsync()
                : new ManualRotation(this, request).RunAsync();
        }

        /// <summary>
        /// Promotes a version staged with -Pending: AWSCURRENT moves to it only if AWSCURRENT is
        /// still where it was when the rotation started (<paramref name="expectedCurrentVersionId"/>),
        /// unless <paramref name="force"/>.
        /// </summary>
        public Task<SecretRotation> CompleteAsync(string secretId, string versionId, string? expectedCurrentVersionId,
            string? deploymentId, bool force, ISecretTester? tester) =>
            new PendingCompletion(this, secretId, versionId, expectedCurrentVersionId, deploymentId, force, tester).RunAsync();

        /// <summary>
        /// Discards a version staged with -Pending (a failed canary): AWSPENDING comes off it, the
        /// version is kept, AWSCURRENT is untouched. Nothing to do when it is no longer pending.
        /// </summary>
        public async Task<SecretRotation> AbandonAsync(string secretId, string versionId, string deploymentId)
        {
            var secret = await DescribeAsync(secretId).ConfigureAwait(false);
            var result = NewResult(secret, RotationMode.Manual, deploymentId, _host.Time.GetUtcNow());
            result.VersionId = versionId;
            if (new StageMap(secret.VersionIdsToStages).Pending != versionId)
                return await FinishAsync(result, RotationStatus.NotRun, $"Version {versionId} of '{secret.Name}' is not {SecretStages.Pending}; nothing to discard.").ConfigureAwait(false);
            return await new PendingPromotion(this, StepsFor(deploymentId, secret.Arn), result)
                .AbandonAsync(versionId, $"Staged version {versionId} of '{secret.Name}' was discarded").ConfigureAwait(false);
        }

        internal ISecretsManagerClient Client => _client;
        internal IRunbookHost Host => _host;
        internal JournaledMutation Mutation => _mutation;
        internal DeploymentJournal Journal => _mutation.Journal;

        internal Task<RotationHistory> HistoryOfAsync(string secretArn) => RotationHistory.OfAsync(Journal, secretArn);

        internal Task<SecretDescription> DescribeAsync(string secretId) =>
            SecretLookup.DescribeAsync(_client, secretId, _host.Cancellation);

        internal RotationSteps StepsFor(string deploymentId, string secretArn) =>
            new RotationSteps(_client, _mutation, deploymentId, secretArn, _host.Cancellation);

        internal SecretRotation NewResult(SecretDescription secret, RotationMode mode, string deploymentId, DateTimeOffset startedAt) =>
            new SecretRotation
            {
                SecretId = secret.Arn,
                Name = secret.Name,
                Mode = mode,
                DeploymentId = deploymentId,
                StartedAt = startedAt,
                PreviousVersionId = new StageMap(secret.VersionIdsToStages).Current,
                RotationLambdaArn = secret.RotationLambdaArn,
            };

        /// <summary>Sets the outcome on <paramref name="result"/> and journals the rotation's end.</summary>
        internal async Task<SecretRotation> FinishAsync(SecretRotation result, RotationStatus status, string message)
        {
            result.Status = status;
            result.Message = message;
            result.FinishedAt = _host.Time.GetUtcNow();
            await RotationRecords.FinishedAsync(Journal, result).ConfigureAwait(false);
            return result;
        }

        /// <summary>Ctrl+C mid-rotation: the journal says where it stopped; a re-run resumes or -Force clears it.</summary>
        internal Task InterruptedAsync(SecretRotation result) => RotationRecords.InterruptedAsync(Journal, result);

        /// <summary>
        /// The refusal when a previous rotation left AWSPENDING on another version, with advice
        /// that fits who left it (<see cref="RotationHistory.AdviceForUnfinished"/>).
        /// </summary>
        internal static RunbookException UnfinishedRotation(SecretDescription secret, string pendingVersionId, RotationHistory history) =>
            new RunbookException("RotationInProgress", RunbookErrorCategory.InvalidOperation,
                $"Secret '{secret.Name}' has {SecretStages.Pending} on version {pendingVersionId}, which is not {SecretStages.Current}: " +
                "a previous rotation isn't complete. " + history.AdviceForUnfinished(secret.Name, pendingVersionId),
                secret.Arn, "Force");
    }
}
