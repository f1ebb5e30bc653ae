using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.SecretsManager.Rotation;

namespace RotationOps.Sandbox.SecretsManager;

/// <summary>
/// A test-only peek at Secrets Manager state (versions, labels, rotation progress and events)
/// without going through the API. Each read first brings the Sandbox up to date with the clock.
/// </summary>
public sealed class SecretsManagerInspector
{
    private readonly SecretStore store;
    private readonly RotationProcessor rotations;
    private readonly TimeProvider clock;

    internal SecretsManagerInspector(SecretStore store, RotationProcessor rotations, TimeProvider clock)
    {
        this.store = store;
        this.rotations = rotations;
        this.clock = clock;
    }

    /// <summary>Every secret, in creation order.</summary>
    public IReadOnlyList<SecretSnapshot> Secrets
    {
        get
        {
            lock (store.Gate)
            {
                rotations.CatchUp(clock.GetUtcNow());
                return store.All.Select(Snapshot).ToList();
            }
        }
    }

    /// <summary>The secret a name, full ARN or partial ARN names; null when there is none.</summary>
    public SecretSnapshot? Find(string secretId)
    {
        lock (store.Gate)
        {
            rotations.CatchUp(clock.GetUtcNow());
            return store.Find(secretId) is { } secret ? Snapshot(secret) : null;
        }
    }

    private static SecretSnapshot Snapshot(Secret secret) => new(
        secret.Arn,
        secret.Name,
        secret.CreatedDate,
        secret.LastChangedDate,
        secret.LastRotatedDate,
        secret.DeletedDate,
        secret.Rotation?.Enabled,
        secret.Rotation?.LambdaArn,
        secret.Rotation?.NextRotationDate,
        secret.ActiveRun is not null,
        secret.Versions.Select(v => new SecretVersionSnapshot(v.VersionId, v.Stages.ToList(), v.Value is not null, v.CreatedDate)).ToList(),
        secret.RotationEvents.ToList());
}
