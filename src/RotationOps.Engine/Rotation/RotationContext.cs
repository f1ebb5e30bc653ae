using System;
using System.Threading;
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
/// What the steps of one rotation share — the client, the host, the journal — and the few
/// things every step does with them (read the secret and its history, record the outcome),
/// so a step depends on this small context rather than on the runner that made it.
/// </summary>
internal sealed class RotationContext
{
    public RotationContext(ISecretsManagerClient client, DeploymentJournal journal, IRunbookHost host, ICloudWatchClient? cloudWatch)
    {
        Client = client;
        CloudWatch = cloudWatch;
        Host = host;
        Mutation = new JournaledMutation(journal, host);
    }

    public ISecretsManagerClient Client { get; }

    /// <summary>Watches a service rotation's function for errors; null leaves the wait to -Timeout alone.</summary>
    public ICloudWatchClient? CloudWatch { get; }

    public IRunbookHost Host { get; }

    public JournaledMutation Mutation { get; }

    public DeploymentJournal Journal => Mutation.Journal;

    public Task<RotationHistory> HistoryOfAsync(string secretArn) => RotationHistory.OfAsync(Journal, secretArn);

    public Task<SecretDescription> DescribeAsync(string secretId) =>
        SecretLookup.DescribeAsync(Client, secretId, Host.Cancellation);

    /// <summary>
    /// The secret's labels now, to explain a refused or failed change; null when they cannot be read,
    /// so the caller falls back to what it knew before. Not cancelled by Ctrl+C, like the read-backs.
    /// </summary>
    public async Task<StageMap?> StagesIfReadableAsync(string secretArn)
    {
        try
        {
            return new StageMap((await Client.DescribeSecretAsync(secretArn, CancellationToken.None).ConfigureAwait(false)).VersionIdsToStages);
        }
        catch (AwsServiceException)
        {
            return null;
        }
    }

    public LabelMoves LabelMovesFor(string deploymentId, string secretArn) =>
        new LabelMoves(Client, Mutation, deploymentId, secretArn, Host.Cancellation);

    /// <summary>A rotation of <paramref name="secret"/> starting now, replacing its AWSCURRENT version.</summary>
    public RotationRun NewRun(SecretDescription secret, RotationMode mode, string deploymentId, DateTimeOffset startedAt) =>
        new RotationRun(secret.Arn, secret.Name, mode, deploymentId, startedAt)
        {
            PreviousVersionId = new StageMap(secret.VersionIdsToStages).Current,
            RotationLambdaArn = secret.RotationLambdaArn,
        };

    /// <summary>Journals the rotation's end and returns it as the pipeline sees it.</summary>
    public async Task<SecretRotation> FinishAsync(RotationRun run, RotationStatus status, string message)
    {
        var outcome = run.Project(status, message, Host.Time.GetUtcNow(), Client.Location);
        await RotationRecords.FinishedAsync(Journal, run, status, message).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>Ctrl+C mid-rotation: the journal says where it stopped; a re-run resumes or -Force clears it.</summary>
    public Task InterruptedAsync(RotationRun run) => RotationRecords.InterruptedAsync(Journal, run);

    /// <summary>
    /// The refusal when a previous rotation left AWSPENDING on another version, with advice
    /// that fits who left it (<see cref="RotationHistory.AdviceForUnfinished"/>).
    /// </summary>
    public static RunbookException UnfinishedRotation(SecretDescription secret, string pendingVersionId, RotationHistory history) =>
        new RunbookException("RotationInProgress", RunbookErrorCategory.InvalidOperation,
            $"Secret '{secret.Name}' has {SecretStages.Pending} on version {pendingVersionId}, which is not {SecretStages.Current}: " +
            "a previous rotation isn't complete. " + history.AdviceForUnfinished(secret.Name, pendingVersionId),
            secret.Arn, "Force");
}
