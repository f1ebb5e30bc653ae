using System;
using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.SecretsManager.Operations;

/// <summary>DescribeSecret: metadata, rotation state and the labelled versions; never the value.</summary>
internal sealed class DescribeSecretOperation(SecretStore store) : ISecretsManagerOperation
{
    public string Name => "DescribeSecret";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now) =>
        SecretDescription.Write(output, store.Resolve(OperationInput.SecretId(input)), "VersionIdsToStages");
}
