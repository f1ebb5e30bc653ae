using System;
using System.Linq;
using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.SecretsManager.Operations;

/// <summary>UntagResource: removes the tags with the given keys.</summary>
internal sealed class UntagResourceOperation(SecretStore store) : ISecretsManagerOperation
{
    public string Name => "UntagResource";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var secretId = OperationInput.SecretId(input);
        var keys = input.StringList("TagKeys", 0, 50)
            ?? throw Errors.CommonErrors.Validation("Value null at 'tagKeys' failed to satisfy constraint: Member must not be null");
        var secret = store.ResolveLive(secretId);
        secret.Tags.RemoveAll(t => keys.Contains(t.Key));
        secret.LastChangedDate = now;
    }
}
