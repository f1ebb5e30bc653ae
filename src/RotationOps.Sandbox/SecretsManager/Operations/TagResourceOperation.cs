using System;
using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.SecretsManager.Operations;

/// <summary>TagResource: adds tags, replacing the value of a key that is already there.</summary>
internal sealed class TagResourceOperation(SecretStore store) : ISecretsManagerOperation
{
    public string Name => "TagResource";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var secretId = OperationInput.SecretId(input);
        var tags = OperationInput.Tags(input)
            ?? throw Errors.CommonErrors.Validation("Value null at 'tags' failed to satisfy constraint: Member must not be null");
        var secret = store.ResolveLive(secretId);
        foreach (var tag in tags)
        {
            var at = secret.Tags.FindIndex(t => string.Equals(t.Key, tag.Key, StringComparison.Ordinal));
            if (at >= 0)
            {
                secret.Tags[at] = tag;
            }
            else
            {
                secret.Tags.Add(tag);
            }
        }

        secret.LastChangedDate = now;
    }
}
