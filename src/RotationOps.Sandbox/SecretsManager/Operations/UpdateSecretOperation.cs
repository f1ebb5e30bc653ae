using System;
using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.SecretsManager.Operations;

/// <summary>UpdateSecret: metadata changes and, with a value, a new AWSCURRENT version.</summary>
internal sealed class UpdateSecretOperation(SecretStore store) : ISecretsManagerOperation
{
    public string Name => "UpdateSecret";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var secretId = OperationInput.SecretId(input);
        var token = OperationInput.ClientRequestToken(input);
        var description = input.String("Description", 0, 2048);
        var kmsKeyId = input.String("KmsKeyId", 0, 2048);
        var value = OperationInput.Value(input);
        var secret = store.ResolveLive(secretId);
        SecretVersion? version = null;
        if (value is not null)
        {
            version = SecretVersionWriter.Put(secret, token ?? throw SecretsManagerErrors.TokenRequired(), value, null, now);
        }

        if (description is not null || kmsKeyId is not null)
        {
            secret.Description = description ?? secret.Description;
            secret.KmsKeyId = kmsKeyId ?? secret.KmsKeyId;
            secret.LastChangedDate = now;
        }

        output.WriteString("ARN", secret.Arn);
        output.WriteString("Name", secret.Name);
        output.WriteStringIfSet("VersionId", version?.VersionId);
    }
}
