using System;
using System.Collections.Generic;
using RotationOps.Sandbox.Quotas;

namespace RotationOps.Sandbox.SecretsManager;

/// <summary>
/// Which rate quota each operation draws from; operations sharing a quota share one bucket.
/// Measured on the Sandbox clock, like Lambda's and CloudWatch's, so a client's backoff (which
/// waits on that clock) refills the bucket.
/// </summary>
internal sealed class SecretsManagerQuotas
{
    private readonly Dictionary<string, RateQuota> byOperation;

    public SecretsManagerQuotas(SecretsManagerQuotaOptions options, TimeProvider clock)
    {
        var reads = new RateQuota(options.DescribeAndGetPerSecond, clock);
        var writes = new RateQuota(options.WritesPerSecond, clock);
        var rotations = new RateQuota(options.RotationsPerSecond, clock);
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
