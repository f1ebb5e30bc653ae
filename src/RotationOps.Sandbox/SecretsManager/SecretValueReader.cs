namespace RotationOps.Sandbox.SecretsManager;

/// <summary>GetSecretValue's version selection: by VersionId, by VersionStage, or both (they must agree).</summary>
internal static class SecretValueReader
{
    public static SecretVersion Read(Secret secret, string? versionId, string? stage)
    {
        if (versionId is not null)
        {
            var byId = secret.VersionById(versionId) ?? throw SecretsManagerErrors.ValueNotFoundForVersion(versionId);
            if (stage is not null && !byId.HasStage(stage))
            {
                throw SecretsManagerErrors.StageNotOnVersion();
            }

            // The empty AWSPENDING placeholder has no value to read yet.
            return byId.Value is not null
                ? byId
                : throw (stage is null ? SecretsManagerErrors.ValueNotFoundForVersion(versionId) : SecretsManagerErrors.ValueNotFoundForStage(stage));
        }

        var label = stage ?? StagingLabels.Current;
        var byStage = secret.VersionWithStage(label);
        return byStage?.Value is not null ? byStage : throw SecretsManagerErrors.ValueNotFoundForStage(label);
    }
}
