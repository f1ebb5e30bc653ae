namespace RotationOps.Engine.Canary;

/// <summary>What Undo-Deployment was asked to put back: a deployment, an alias, or a secret.</summary>
public sealed class UndoRequest
{
    public SecretRotation? Rotation { get; set; }
    public string? DeploymentId { get; set; }

    public string? FunctionName { get; set; }
    public string? AliasName { get; set; }
    /// <summary>The version the alias goes back to; default: the deployment's stable version, or the alias's main version.</summary>
    public string? ToVersion { get; set; }

    public string? SecretId { get; set; }
    /// <summary>The version AWSCURRENT goes back to; default: AWSPREVIOUS.</summary>
    public string? ToVersionId { get; set; }

    /// <summary>Skip the RevisionId guard / the "AWSCURRENT moved since" check.</summary>
    public bool Force { get; set; }
}
