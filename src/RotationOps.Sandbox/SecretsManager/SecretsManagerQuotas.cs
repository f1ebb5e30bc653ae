using System.Collections.Generic;
using RotationOps.Sandbox.Quotas;

namespace RotationOps.Sandbox.SecretsManager;

/// <summary>Which rate quota each operation draws from; operations sharing a quota share one bucket.</summary>
internal sealed class SecretsManagerQuotas
{
    private readonly Dictionary<string, RateQuota> byOperation;

    public SecretsManagerQuotas(SecretsManagerQuotaOptions options)
    {
        var reads = new RateQuota(options.DescribeAndGetPerSecond);
        var writes = new RateQuota(options.WritesPerSecond);
        var rotations = new RateQuota(options.RotationsPerSecond);
        byOperation = new Dictionary<string, RateQuota>
        {
            ["DescribeSecret"] = reads,
            ["GetSecretValue"] = reads,
            ["PutSecretValue"] = writes,
            ["UpdateSecret"] = writes,
            ["UpdateSecretVersionStage"] = writes,
            ["RotateSecret"] = rotations,
            ["CancelRotateSecret"] = rotations,
        };
    }

    public void Enforce(string operation)
    {
        if (byOperation.TryGetValue(operation, out var quota) && !quota.TryTake())
        {
            throw SecretsManagerErrors.Throttling();
        }
    }
}
