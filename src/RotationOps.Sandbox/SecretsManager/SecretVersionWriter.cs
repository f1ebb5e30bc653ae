using System;
using System.Collections.Generic;

namespace RotationOps.Sandbox.SecretsManager;

/// <summary>
/// Stores a value under a ClientRequestToken, with the idempotency and labelling rules that
/// CreateSecret, PutSecretValue, UpdateSecret and a rotation function's createSecret all share.
/// </summary>
internal static class SecretVersionWriter
{
    /// <summary>Stores the value and returns the version holding it.</summary>
    /// <param name="secret">The secret to write to.</param>
    /// <param name="token">The ClientRequestToken, which becomes the VersionId.</param>
    /// <param name="value">The new content.</param>
    /// <param name="stages">Labels to attach; null means AWSCURRENT, as PutSecretValue without VersionStages.</param>
    /// <param name="now">Virtual time of the write.</param>
    public static SecretVersion Put(Secret secret, string token, SecretValue value, IReadOnlyList<string>? stages, DateTimeOffset now)
    {
        var existing = secret.VersionById(token);
        if (existing is not null)
        {
            if (existing.Value is null)
            {
                // RotateSecret's empty AWSPENDING placeholder is filled, not duplicated.
                existing.Value = value;
                Label(secret, existing, stages);
                secret.LastChangedDate = now;
                return existing;
            }

            // Same token and same value is a retry: success, nothing changes.
            return existing.Value.SameAs(value) ? existing : throw SecretsManagerErrors.TokenInUse(token, secret.Arn);
        }

        VersionRetention.EnsureRoomForNewVersion(secret, now);
        var isFirst = secret.VersionWithStage(StagingLabels.Current) is null;
        var version = new SecretVersion(token, value, now);
        secret.Versions.Add(version);
        Label(secret, version, stages);
        if (isFirst)
        {
            StagingLabels.Attach(secret, StagingLabels.Current, version);
        }

        secret.LastChangedDate = now;
        VersionRetention.Prune(secret, now);
        return version;
    }

    private static void Label(Secret secret, SecretVersion version, IReadOnlyList<string>? stages)
    {
        foreach (var stage in stages ?? [StagingLabels.Current])
        {
            StagingLabels.Attach(secret, stage, version);
        }
    }
}
