namespace RotationOps.Engine.SecretsManager;

/// <summary>The staging labels Secrets Manager gives meaning to.</summary>
public static class SecretStages
{
    public const string Current = "AWSCURRENT";
    public const string Pending = "AWSPENDING";
    public const string Previous = "AWSPREVIOUS";
}
