using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Journal;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.Rotation;

/// <summary>
/// The label moves a rotation is made of, each one journaled. Every move names the version it
/// expects to take a label from, so AWS refuses it if someone else moved the label meanwhile
/// (Secrets Manager's equivalent of a RevisionId guard).
/// </summary>
internal sealed class LabelMoves
{
    private readonly ISecretsManagerClient _client;
    private readonly JournaledMutation _mutation;
    private readonly string _deploymentId;
    private readonly string _secretArn;
    private readonly CancellationToken _cancellation;

    public LabelMoves(ISecretsManagerClient client, JournaledMutation mutation, string deploymentId,
        string secretArn, CancellationToken cancellation)
    {
        _client = client;
        _mutation = mutation;
        _deploymentId = deploymentId;
        _secretArn = secretArn;
        _cancellation = cancellation;
    }

    public static string DescribeRemovePending(string versionId) =>
        $"Remove {SecretStages.Pending} from version {versionId} (the version is kept)";

    public static string DescribePutPending(string versionId) =>
        $"Store a new value as version {versionId} labelled {SecretStages.Pending}";

    public static string DescribePromote(string versionId, string? fromVersionId) =>
        $"Move {SecretStages.Current} to version {versionId}" +
        (fromVersionId != null ? $" from {fromVersionId} ({SecretStages.Previous} follows)" : "");

    /// <summary>Takes AWSPENDING off a version; the version stays (deprecated if it has no label left).</summary>
    public Task RemovePendingAsync(string versionId) =>
        _mutation.RunAsync(_deploymentId, "UpdateSecretVersionStage", _secretArn,
            new Dictionary<string, string> { ["Stage"] = SecretStages.Pending, ["RemoveFromVersionId"] = versionId },
            () => _client.UpdateSecretVersionStageAsync(new UpdateSecretVersionStageRequest
            {
                SecretId = _secretArn,
                VersionStage = SecretStages.Pending,
                RemoveFromVersionId = versionId,
            }, _cancellation),
            () => StagesAsync(stages => !stages.StagesOf(versionId).Contains(SecretStages.Pending)));

    /// <summary>
    /// Stores the value as AWSPENDING under a fixed token: a retry of the same call, or a re-run
    /// after a crash, finds the version already there instead of making a second one.
    /// </summary>
    public Task PutPendingAsync(string token, SensitiveValue value) =>
        _mutation.RunAsync(_deploymentId, "PutSecretValue", _secretArn,
            new Dictionary<string, string> { ["VersionId"] = token, ["Stage"] = SecretStages.Pending },
            () => _client.PutSecretValueAsync(new PutSecretValueRequest
            {
                SecretId = _secretArn,
                ClientRequestToken = token,
                Value = value,
                VersionStages = new List<string> { SecretStages.Pending },
            }, _cancellation),
            () => StagesAsync(stages => stages.StagesOf(token).Contains(SecretStages.Pending)));

    /// <summary>Moves AWSCURRENT; AWS refuses if <paramref name="fromVersionId"/> no longer holds it.</summary>
    public Task PromoteAsync(string versionId, string? fromVersionId) =>
        _mutation.RunAsync(_deploymentId, "UpdateSecretVersionStage", _secretArn,
            new Dictionary<string, string>
            {
                ["Stage"] = SecretStages.Current,
                ["MoveToVersionId"] = versionId,
                ["RemoveFromVersionId"] = fromVersionId ?? "",
            },
            () => _client.UpdateSecretVersionStageAsync(new UpdateSecretVersionStageRequest
            {
                SecretId = _secretArn,
                VersionStage = SecretStages.Current,
                MoveToVersionId = versionId,
                RemoveFromVersionId = fromVersionId,
            }, _cancellation),
            () => StagesAsync(stages => stages.Current == versionId));

    /// <summary>
    /// Whether the secret's labels now show a move made, read after its answer was lost. Not
    /// cancelled by Ctrl+C: the journal must say what AWS holds before the run stops.
    /// </summary>
    private async Task<bool> StagesAsync(Func<StageMap, bool> moved)
    {
        var secret = await _client.DescribeSecretAsync(_secretArn, CancellationToken.None).ConfigureAwait(false);
        return moved(new StageMap(secret.VersionIdsToStages));
    }
}
