using System;
using System.Threading.Tasks;
using RotationOps.Sandbox.DynamoDb;
using RotationOps.Sandbox.Faults;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.DynamoDb;

/// <summary>DynamoDB's request-rate quota on the virtual clock, and injected faults for service <c>dynamodb</c>.</summary>
public sealed class DynamoDbQuotaAndFaultTests
{
    [Fact]
    public async Task Writes_past_the_quota_are_ProvisionedThroughputExceeded_until_the_clock_refills_it()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { ClockStart = TestSandbox.Start, DynamoDb = new DynamoDbOptions { WritesPerSecond = 2 } });
        var dynamo = new DynamoDbHttp(sandbox);
        await dynamo.CreateTableAsync("journal");
        var put = new { TableName = "journal", Item = new { pk = new { S = "a" } } };
        await dynamo.CallAsync("PutItem", put);
        await dynamo.CallAsync("PutItem", put);

        var (_, throttled) = await dynamo.FailAsync("PutItem", put);
        Assert.Equal("com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", throttled.GetProperty("__type").GetString());
        await dynamo.CallAsync("GetItem", new { TableName = "journal", Key = new { pk = new { S = "a" } } });

        sandbox.Clock.Advance(TimeSpan.FromSeconds(1));
        await dynamo.CallAsync("PutItem", put);
    }

    [Fact]
    public async Task Injected_faults_answer_ThrottlingException_and_InternalServerError()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var dynamo = new DynamoDbHttp(sandbox);
        await dynamo.CreateTableAsync("journal");
        sandbox.Faults.Add(new FaultRule { Service = "dynamodb", Operation = "GetItem", Kind = FaultKind.Throttle, Count = 1 });
        sandbox.Faults.Add(new FaultRule { Service = "dynamodb", Operation = "Query", Kind = FaultKind.ServerError, Count = 1 });

        var (status, throttled) = await dynamo.FailAsync("GetItem", new { TableName = "journal", Key = new { pk = new { S = "a" } } });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.Equal("com.amazon.coral.availability#ThrottlingException", throttled.GetProperty("__type").GetString());

        var (serverStatus, failed) = await dynamo.FailAsync("Query", new
        {
            TableName = "journal",
            KeyConditionExpression = "pk = :p",
            ExpressionAttributeValues = DynamoDbItemTests.Values((":p", "S", "a")),
        });
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, serverStatus);
        Assert.Equal("com.amazonaws.dynamodb.v20120810#InternalServerError", failed.GetProperty("__type").GetString());

        await dynamo.CallAsync("GetItem", new { TableName = "journal", Key = new { pk = new { S = "a" } } });
    }
}
