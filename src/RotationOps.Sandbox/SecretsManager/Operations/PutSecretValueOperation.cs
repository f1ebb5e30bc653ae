using System;
using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.SecretsManager.Operations;

/// <summary>
/// PutSecretValue: a new version named by the ClientRequestToken. Without VersionStages it becomes
/// AWSCURRENT; labels it names are taken off the versions that had them.
/// </summary>
internal sealed class PutSecretValueOperation(SecretStore store) : ISecretsManagerOperation
{
    public string Name => "PutSecretValue";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var secretId = OperationInput.SecretId(input);
        var token = OperationInput.ClientRequestToken(input);
        var value = OperationInput.Value(input);
        var stages = OperationInput.Stages(input);

        var secret = store.ResolveLive(secretId);
        if (token is null)
        {
            throw SecretsManagerErrors.TokenRequired();
        }

        var version = SecretVersionWriter.Put(secret, token, value ?? throw SecretsManagerErrors.NoValue(), stages, now);
        output.WriteString("ARN", secret.Arn);
        output.WriteString("Name", secret.Name);
        output.WriteString("VersionId", version.VersionId);
        output.WriteStartArray("VersionStages");
        foreach (var label in version.Stages)
        {
            output.WriteStringValue(label);
        }

        output.WriteEndArray();
    }
}
