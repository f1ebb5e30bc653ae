using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.SecretsManager.Operations;

/// <summary>
/// The metadata DescribeSecret returns and ListSecrets repeats per entry. Members that are not
/// set are left out, as AWS leaves them out: RotationEnabled until rotation was ever configured,
/// NextRotationDate while rotation is off, unlabelled (deprecated) versions from the stage map.
/// </summary>
internal static class SecretDescription
{
    public static void Write(Utf8JsonWriter output, Secret secret, string versionsMember)
    {
        output.WriteString("ARN", secret.Arn);
        output.WriteString("Name", secret.Name);
        output.WriteStringIfSet("Description", secret.Description);
        output.WriteStringIfSet("KmsKeyId", secret.KmsKeyId);
        if (secret.Rotation is { } rotation)
        {
            output.WriteBoolean("RotationEnabled", rotation.Enabled);
            output.WriteString("RotationLambdaARN", rotation.LambdaArn);
            rotation.Rules?.Write(output);
        }

        output.WriteEpochIfSet("LastRotatedDate", secret.LastRotatedDate);
        output.WriteEpoch("LastChangedDate", secret.LastChangedDate);
        output.WriteEpochIfSet("LastAccessedDate", secret.LastAccessedDate);
        output.WriteEpochIfSet("DeletedDate", secret.DeletedDate);
        output.WriteEpochIfSet("NextRotationDate", secret.Rotation?.NextRotationDate);
        if (secret.Tags.Count > 0)
        {
            output.WriteStartArray("Tags");
            foreach (var tag in secret.Tags)
            {
                output.WriteStartObject();
                output.WriteString("Key", tag.Key);
                output.WriteString("Value", tag.Value);
                output.WriteEndObject();
            }

            output.WriteEndArray();
        }

        output.WriteStartObject(versionsMember);
        foreach (var version in secret.LabelledVersions)
        {
            output.WriteStartArray(version.VersionId);
            foreach (var stage in version.Stages)
            {
                output.WriteStringValue(stage);
            }

            output.WriteEndArray();
        }

        output.WriteEndObject();
        output.WriteEpoch("CreatedDate", secret.CreatedDate);
    }
}
