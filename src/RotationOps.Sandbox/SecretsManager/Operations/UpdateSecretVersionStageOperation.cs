using System;
using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.SecretsManager.Operations;

/// <summary>
/// UpdateSecretVersionStage: moves a label to MoveToVersionId (naming, in RemoveFromVersionId, the
/// version it is on now) or only removes it. AWSCURRENT can be moved but never just removed.
/// </summary>
internal sealed class UpdateSecretVersionStageOperation(SecretStore store) : ISecretsManagerOperation
{
    public string Name => "UpdateSecretVersionStage";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var secretId = OperationInput.SecretId(input);
        var stage = input.RequiredString("VersionStage", 1, 256);
        var removeFrom = OperationInput.VersionId(input, "RemoveFromVersionId");
        var moveTo = OperationInput.VersionId(input, "MoveToVersionId");
        var secret = store.ResolveLive(secretId);
        var holder = secret.VersionWithStage(stage);
        if (moveTo is not null)
        {
            var target = secret.VersionById(moveTo) ?? throw SecretsManagerErrors.ValueNotFoundForVersion(moveTo);
            if (holder is not null && holder != target)
            {
                if (removeFrom is null)
                {
                    throw SecretsManagerErrors.RemoveFromVersionRequired(stage, holder.VersionId);
                }

                if (!string.Equals(removeFrom, holder.VersionId, StringComparison.Ordinal))
                {
                    throw SecretsManagerErrors.RemoveFromVersionMismatch(stage);
                }
            }

            StagingLabels.Attach(secret, stage, target);
        }
        else if (removeFrom is not null)
        {
            var source = secret.VersionById(removeFrom) ?? throw SecretsManagerErrors.ValueNotFoundForVersion(removeFrom);
            if (!source.HasStage(stage))
            {
                throw SecretsManagerErrors.StageNotAttached(stage, removeFrom);
            }

            if (stage == StagingLabels.Current)
            {
                throw SecretsManagerErrors.CannotOnlyRemoveCurrent();
            }

            StagingLabels.Detach(source, stage);
        }
        else
        {
            throw SecretsManagerErrors.MoveOrRemoveRequired();
        }

        secret.LastChangedDate = now;
        VersionRetention.Prune(secret, now);
        output.WriteString("ARN", secret.Arn);
        output.WriteString("Name", secret.Name);
    }
}
