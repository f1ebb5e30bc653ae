namespace RotationOps.Sandbox.SecretsManager;

/// <summary>
/// Secrets Manager's per-second API rate quotas (per account and region), enforced over real
/// time with 400 ThrottlingException "Rate exceeded". Defaults are AWS's; tests lower them.
/// Operations outside these groups are not rate limited.
/// </summary>
public sealed class SecretsManagerQuotaOptions
{
    /// <summary>DescribeSecret and GetSecretValue combined.</summary>
    public double DescribeAndGetPerSecond { get; set; } = 10_000;

    /// <summary>PutSecretValue, UpdateSecret and UpdateSecretVersionStage combined.</summary>
    public double WritesPerSecond { get; set; } = 50;

    /// <summary>RotateSecret and CancelRotateSecret combined.</summary>
    public double RotationsPerSecond { get; set; } = 50;
}
