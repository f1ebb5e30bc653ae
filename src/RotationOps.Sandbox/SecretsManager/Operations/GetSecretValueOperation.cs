using System;
using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.SecretsManager.Operations;

/// <summary>GetSecretValue: the value of one version, chosen by VersionId and/or VersionStage (default AWSCURRENT).</summary>
internal sealed class GetSecretValueOperation(SecretStore store) : ISecretsManagerOperation
{
    public string Name => "GetSecretValue";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var secretId = OperationInput.SecretId(input);
        var versionId = OperationInput.VersionId(input, "VersionId");
        var stage = OperationInput.VersionStage(input, "VersionStage");
        var secret = store.ResolveLive(secretId);
        var version = SecretValueReader.Read(secret, versionId, stage);

        // AWS records access to the day, not the instant.
        var accessed = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        secret.LastAccessedDate = accessed;
        version.LastAccessedDate = accessed;

        output.WriteString("ARN", secret.Arn);
        output.WriteString("Name", secret.Name);
        output.WriteString("VersionId", version.VersionId);
        if (version.Value!.Text is { } text)
        {
            output.WriteString("SecretString", text);
        }
        else
        {
            output.WriteBase64String("SecretBinary", version.Value.Binary);
        }

        output.WriteStartArray("VersionStages");
        foreach (var label in version.Stages)
        {
            output.WriteStringValue(label);
        }

        output.WriteEndArray();
        output.WriteEpoch("CreatedDate", version.CreatedDate);
    }
}
