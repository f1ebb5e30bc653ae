using System;
using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;
using RotationOps.Sandbox.SecretsManager.Rotation;

namespace RotationOps.Sandbox.SecretsManager.Operations;

/// <summary>
/// CancelRotateSecret: turns rotation off and stops a rotation in progress, but leaves every label
/// where it is. It returns the half-made version, whose AWSPENDING label the caller must remove
/// before a later rotation can start.
/// </summary>
internal sealed class CancelRotateSecretOperation(SecretStore store, RotationProcessor rotations) : ISecretsManagerOperation
{
    public string Name => "CancelRotateSecret";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var secret = store.ResolveLive(OperationInput.SecretId(input));
        rotations.Abandon(secret, now);
        if (secret.Rotation is { } rotation)
        {
            rotation.Enabled = false;
        }

        secret.LastChangedDate = now;
        var pending = secret.VersionWithStage(StagingLabels.Pending);
        output.WriteString("ARN", secret.Arn);
        output.WriteString("Name", secret.Name);
        if (pending is not null && !pending.HasStage(StagingLabels.Current))
        {
            output.WriteString("VersionId", pending.VersionId);
        }
    }
}
