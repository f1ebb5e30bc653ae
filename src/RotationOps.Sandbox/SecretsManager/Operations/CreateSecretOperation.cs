using System;
using System.Linq;
using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.SecretsManager.Operations;

/// <summary>CreateSecret: a new secret, with a first version (labelled AWSCURRENT) when a value is given.</summary>
internal sealed class CreateSecretOperation(SecretStore store) : ISecretsManagerOperation
{
    private const string AllowedNameCharacters = "/_+=.@-!";

    public string Name => "CreateSecret";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var name = input.RequiredString("Name", 1, 512);
        if (name.Length > 256 || !name.All(c => char.IsAsciiLetterOrDigit(c) || AllowedNameCharacters.Contains(c)))
        {
            throw SecretsManagerErrors.InvalidName();
        }

        var token = OperationInput.ClientRequestToken(input);
        var description = input.String("Description", 0, 2048);
        var kmsKeyId = input.String("KmsKeyId", 0, 2048);
        var value = OperationInput.Value(input);
        var tags = OperationInput.Tags(input);
        if (value is not null && token is null)
        {
            throw SecretsManagerErrors.TokenRequired();
        }

        var existing = store.Find(name);
        if (existing is not null)
        {
            if (existing.IsDeleted)
            {
                throw SecretsManagerErrors.NameScheduledForDeletion();
            }

            // A retry of the same request (same token, same value) succeeds without a change.
            if (token is null || value is null || existing.VersionById(token)?.Value?.SameAs(value) != true)
            {
                throw SecretsManagerErrors.SecretExists(name);
            }

            WriteReply(output, existing, token);
            return;
        }

        var secret = store.Add(name, now);
        secret.Description = description;
        secret.KmsKeyId = kmsKeyId;
        secret.Tags.AddRange(tags ?? []);
        if (value is not null)
        {
            SecretVersionWriter.Put(secret, token!, value, null, now);
        }

        WriteReply(output, secret, value is null ? null : token);
    }

    private static void WriteReply(Utf8JsonWriter output, Secret secret, string? versionId)
    {
        output.WriteString("ARN", secret.Arn);
        output.WriteString("Name", secret.Name);
        output.WriteStringIfSet("VersionId", versionId);
    }
}
