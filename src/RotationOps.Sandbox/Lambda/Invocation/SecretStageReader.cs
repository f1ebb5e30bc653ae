using RotationOps.Sandbox.SecretsManager;

namespace RotationOps.Sandbox.Lambda.Invocation;

/// <summary>
/// What a function's GetSecretValue(SecretId, VersionStage) would return, read straight from the
/// Secrets Manager store: the text at the stage, or null when there is none (no secret, a deleted
/// secret, no such label, the empty AWSPENDING placeholder, a binary value).
/// </summary>
internal sealed class SecretStageReader(SecretStore store, SecretsManagerInspector secretsManager)
{
    public string? Read(string secretId, string stage)
    {
        // The inspector brings rotations up to date with the clock first, as every Secrets Manager call does.
        if (secretsManager.Find(secretId) is null)
        {
            return null;
        }

        lock (store.Gate)
        {
            var secret = store.Find(secretId);
            return secret is { IsDeleted: false } ? secret.VersionWithStage(stage)?.Value?.Text : null;
        }
    }
}
