namespace RotationOps.Sandbox.DynamoDb.Tables;

/// <summary>How a table is billed: PAY_PER_REQUEST (capacities 0, as DescribeTable reports them) or PROVISIONED with its capacities.</summary>
internal sealed record TableBilling(string Mode, long ReadCapacityUnits, long WriteCapacityUnits)
{
    public const string PayPerRequest = "PAY_PER_REQUEST";
    public const string Provisioned = "PROVISIONED";
}
