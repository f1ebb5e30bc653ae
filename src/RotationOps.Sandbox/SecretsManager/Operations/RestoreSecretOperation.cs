using System;
using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.SecretsManager.Operations;

/// <summary>RestoreSecret: cancels a scheduled deletion while the recovery window is still open.</summary>
internal sealed class RestoreSecretOperation(SecretStore store) : ISecretsManagerOperation
{
    public string Name => "RestoreSecret";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var secret = store.Resolve(OperationInput.SecretId(input));
        if (secret.IsDeleted)
        {
            secret.DeletedDate = null;
            secret.DeletionDate = null;
            secret.LastChangedDate = now;
        }

        output.WriteString("ARN", secret.Arn);
        output.WriteString("Name", secret.Name);
    }
}
