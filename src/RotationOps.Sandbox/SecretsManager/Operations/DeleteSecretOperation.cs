using System;
using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.SecretsManager.Operations;

/// <summary>
/// DeleteSecret: marks the secret for deletion after a 7–30 day recovery window (default 30), or
/// deletes it at once with ForceDeleteWithoutRecovery. The window runs on the virtual clock.
/// </summary>
internal sealed class DeleteSecretOperation(SecretStore store) : ISecretsManagerOperation
{
    private const int DefaultRecoveryWindowDays = 30;

    public string Name => "DeleteSecret";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var secretId = OperationInput.SecretId(input);
        var window = input.Long("RecoveryWindowInDays", long.MinValue, long.MaxValue);
        var force = input.Bool("ForceDeleteWithoutRecovery") ?? false;
        if (force && window is not null)
        {
            throw SecretsManagerErrors.ForceDeleteWithRecoveryWindow();
        }

        if (window is < 7 or > 30)
        {
            throw SecretsManagerErrors.RecoveryWindowOutOfRange();
        }

        var secret = store.Resolve(secretId);
        if (secret.IsDeleted && !force)
        {
            throw SecretsManagerErrors.AlreadyMarkedForDeletion();
        }

        DateTimeOffset deletionDate;
        if (force)
        {
            store.Remove(secret);
            deletionDate = now;
        }
        else
        {
            secret.DeletedDate = now;
            deletionDate = now.AddDays(window ?? DefaultRecoveryWindowDays);
            secret.DeletionDate = deletionDate;
            secret.LastChangedDate = now;
        }

        output.WriteString("ARN", secret.Arn);
        output.WriteString("Name", secret.Name);
        output.WriteEpoch("DeletionDate", deletionDate);
    }
}
