using System;
using RotationOps.Sandbox.DynamoDb.Operations;
using RotationOps.Sandbox.DynamoDb.Tables;
using RotationOps.Sandbox.Hosting;

namespace RotationOps.Sandbox.DynamoDb;

/// <summary>Wires DynamoDB's tables, quotas and operations together.</summary>
internal sealed class DynamoDbService
{
    public DynamoDbService(string region, string accountId, TimeProvider clock, DynamoDbOptions options)
    {
        var store = new TableStore(region, accountId);
        Inspector = new DynamoDbInspector(store);
        Endpoint = new DynamoDbEndpoint(store, new DynamoDbQuotas(options, clock), clock,
        [
            new CreateTableOperation(store, options.ReplicationLag),
            new DescribeTableOperation(store),
            new DeleteTableOperation(store),
            new PutItemOperation(store),
            new GetItemOperation(store),
            new UpdateItemOperation(store),
            new DeleteItemOperation(store),
            new QueryOperation(store),
        ]);
    }

    public IServiceEndpoint Endpoint { get; }

    public DynamoDbInspector Inspector { get; }
}
