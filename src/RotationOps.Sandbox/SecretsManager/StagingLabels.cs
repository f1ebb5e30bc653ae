namespace RotationOps.Sandbox.SecretsManager;

/// <summary>
/// The staging-label rules every operation shares: a label sits on at most one version, and
/// whenever AWSCURRENT moves, AWSPREVIOUS moves to the version it left.
/// </summary>
internal static class StagingLabels
{
    public const string Current = "AWSCURRENT";
    public const string Previous = "AWSPREVIOUS";
    public const string Pending = "AWSPENDING";

    /// <summary>Attaches <paramref name="label"/> to <paramref name="target"/>, taking it off whichever version had it.</summary>
    public static void Attach(Secret secret, string label, SecretVersion target)
    {
        var holder = secret.VersionWithStage(label);
        if (holder == target)
        {
            return;
        }

        holder?.Stages.Remove(label);
        target.Stages.Add(label);
        if (label == Current && holder is not null)
        {
            Attach(secret, Previous, holder);
        }
    }

    public static void Detach(SecretVersion version, string label) => version.Stages.Remove(label);
}
