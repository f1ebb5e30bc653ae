using System;
using System.Linq;
using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.SecretsManager.Operations;

/// <summary>
/// ListSecretVersionIds: the labelled versions, newest first; deprecated (unlabelled) versions only
/// with IncludeDeprecated.
/// </summary>
internal sealed class ListSecretVersionIdsOperation(SecretStore store) : ISecretsManagerOperation
{
    private const int DefaultPageSize = 100;

    public string Name => "ListSecretVersionIds";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var secretId = OperationInput.SecretId(input);
        var pageSize = (int)(input.Long("MaxResults", 1, 100) ?? DefaultPageSize);
        var offset = PageToken.Decode(input.String("NextToken", 1, 4096));
        var includeDeprecated = input.Bool("IncludeDeprecated") ?? false;
        var secret = store.Resolve(secretId);
        var versions = secret.Versions
            .Where(v => includeDeprecated || !v.IsDeprecated)
            .Reverse()
            .ToList();
        var page = versions.Skip(offset).Take(pageSize).ToList();

        output.WriteStartArray("Versions");
        foreach (var version in page)
        {
            output.WriteStartObject();
            output.WriteString("VersionId", version.VersionId);
            if (!version.IsDeprecated)
            {
                output.WriteStartArray("VersionStages");
                foreach (var stage in version.Stages)
                {
                    output.WriteStringValue(stage);
                }

                output.WriteEndArray();
            }

            output.WriteEpochIfSet("LastAccessedDate", version.LastAccessedDate);
            output.WriteEpoch("CreatedDate", version.CreatedDate);
            output.WriteStartArray("KmsKeyIds");
            output.WriteStringValue(secret.KmsKeyId ?? "DefaultEncryptionKey");
            output.WriteEndArray();
            output.WriteEndObject();
        }

        output.WriteEndArray();
        if (offset + page.Count < versions.Count)
        {
            output.WriteString("NextToken", PageToken.Encode(offset + page.Count));
        }

        output.WriteString("ARN", secret.Arn);
        output.WriteString("Name", secret.Name);
    }
}
