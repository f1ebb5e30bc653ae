using System;
using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.SecretsManager.Operations;

/// <summary>
/// One Secrets Manager API operation. It runs under the store lock after the Sandbox has caught
/// up with the clock, validates everything before changing anything, and writes the members of
/// its reply object.
/// </summary>
internal interface ISecretsManagerOperation
{
    string Name { get; }

    void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now);
}
