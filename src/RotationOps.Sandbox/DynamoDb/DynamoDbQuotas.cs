using System;
using System.Collections.Generic;
using RotationOps.Sandbox.Quotas;

namespace RotationOps.Sandbox.DynamoDb;

/// <summary>
/// Which rate quota each item operation draws from, on the Sandbox clock like the other services'
/// quotas, so a client's backoff refills them. Table operations are not limited.
/// </summary>
internal sealed class DynamoDbQuotas
{
    private readonly Dictionary<string, RateQuota> byOperation;

    public DynamoDbQuotas(DynamoDbOptions options, TimeProvider clock)
    {
        var reads = new RateQuota(options.ReadsPerSecond, clock);
        var writes = new RateQuota(options.WritesPerSecond, clock);
        byOperation = new Dictionary<string, RateQuota>
        {
            ["GetItem"] = reads,
            ["Query"] = reads,
            ["PutItem"] = writes,
            ["UpdateItem"] = writes,
            ["DeleteItem"] = writes,
        };
    }

    public void Enforce(string operation)
    {
        if (byOperation.TryGetValue(operation, out var quota) && !quota.TryTake())
        {
            throw DynamoDbErrors.ThroughputExceeded();
        }
    }
}
