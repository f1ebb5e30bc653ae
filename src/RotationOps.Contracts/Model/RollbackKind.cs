namespace RotationOps;

/// <summary>What Undo-Deployment put back.</summary>
public enum RollbackKind
{
    /// <summary>A Lambda alias, back on one version with routing cleared.</summary>
    Alias,
    /// <summary>A secret: AWSCURRENT moved back, or a staged version discarded.</summary>
    Secret,
}
