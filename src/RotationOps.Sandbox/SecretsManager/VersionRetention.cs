using System;
using System.Linq;

namespace RotationOps.Sandbox.SecretsManager;

/// <summary>
/// AWS's version quota: about 100 deprecated (unlabelled) versions are kept, the oldest beyond
/// that are deleted — but never one created in the last 24 hours, so a secret updated more often
/// than every ~15 minutes for a day runs out of room and writes fail with LimitExceededException.
/// </summary>
internal static class VersionRetention
{
    public const int DeprecatedVersionsKept = 100;
    private static readonly TimeSpan MinimumAge = TimeSpan.FromHours(24);

    /// <summary>Deletes the oldest deprecated versions beyond the quota that are old enough to go.</summary>
    public static void Prune(Secret secret, DateTimeOffset now)
    {
        var deprecated = secret.Versions.Where(v => v.IsDeprecated).ToList();
        var excess = deprecated.Count - DeprecatedVersionsKept;
        foreach (var version in deprecated)
        {
            if (excess <= 0)
            {
                break;
            }

            if (now - version.CreatedDate >= MinimumAge)
            {
                secret.Versions.Remove(version);
                excess--;
            }
        }
    }

    /// <summary>Refuses a new version when the quota is full of versions too young to delete.</summary>
    public static void EnsureRoomForNewVersion(Secret secret, DateTimeOffset now)
    {
        Prune(secret, now);
        var deprecated = secret.Versions.Where(v => v.IsDeprecated).ToList();
        if (deprecated.Count >= DeprecatedVersionsKept && deprecated.All(v => now - v.CreatedDate < MinimumAge))
        {
            throw SecretsManagerErrors.VersionQuotaExceeded();
        }
    }
}
