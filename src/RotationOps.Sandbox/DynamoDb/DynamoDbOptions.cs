using System;

namespace RotationOps.Sandbox.DynamoDb;

/// <summary>
/// DynamoDB's behaviour in the Sandbox: request rates (on the virtual clock; past them item operations
/// answer ProvisionedThroughputExceededException) and how long an eventually consistent read lags a write.
/// </summary>
public sealed class DynamoDbOptions
{
    /// <summary>GetItem and Query combined, per second (AWS's default on-demand maximum per table is 40,000 read units).</summary>
    public double ReadsPerSecond { get; set; } = 40_000;

    /// <summary>PutItem, UpdateItem and DeleteItem combined, per second (AWS's default on-demand maximum per table is 40,000 write units).</summary>
    public double WritesPerSecond { get; set; } = 40_000;

    /// <summary>
    /// How long after a write an eventually consistent GetItem or Query still sees the item as it was
    /// before (AWS: "usually within one second"). <c>ConsistentRead: true</c> always sees the last write.
    /// </summary>
    public TimeSpan ReplicationLag { get; set; } = TimeSpan.FromSeconds(1);
}
