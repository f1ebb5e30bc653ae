using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.DynamoDb;

/// <summary>CreateTable, DescribeTable and DeleteTable over awsJson1_0, and the errors AWS answers for them.</summary>
public sealed class DynamoDbTableTests
{
    [Fact]
    public async Task A_created_table_is_active_and_described_with_its_key_schema_and_billing_mode()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var dynamo = new DynamoDbHttp(sandbox);

        var created = (await dynamo.CreateTableAsync("journal", rangeKey: "seq")).GetProperty("TableDescription");
        var described = (await dynamo.CallAsync("DescribeTable", new { TableName = "journal" })).GetProperty("Table");

        Assert.Equal("ACTIVE", created.GetProperty("TableStatus").GetString());
        Assert.Equal($"arn:aws:dynamodb:{sandbox.Region}:{sandbox.AccountId}:table/journal", described.GetProperty("TableArn").GetString());
        Assert.Equal("pk:HASH,seq:RANGE", string.Join(",", JsonKeys(described.GetProperty("KeySchema"), "KeyType")));
        Assert.Equal("pk:S,seq:N", string.Join(",", JsonKeys(described.GetProperty("AttributeDefinitions"), "AttributeType")));
        Assert.Equal("PAY_PER_REQUEST", described.GetProperty("BillingModeSummary").GetProperty("BillingMode").GetString());
        Assert.Equal(0, described.GetProperty("ItemCount").GetInt32());
        Assert.Equal(TestSandbox.Start.ToUnixTimeSeconds(), described.GetProperty("CreationDateTime").GetDecimal());
    }

    [Fact]
    public async Task Creating_an_existing_table_is_ResourceInUseException_and_a_missing_table_is_named_in_ResourceNotFoundException()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var dynamo = new DynamoDbHttp(sandbox);
        await dynamo.CreateTableAsync("locks");

        var (status, again) = await dynamo.FailAsync("CreateTable", new
        {
            TableName = "locks",
            AttributeDefinitions = new[] { new { AttributeName = "pk", AttributeType = "S" } },
            KeySchema = new[] { new { AttributeName = "pk", KeyType = "HASH" } },
            BillingMode = "PAY_PER_REQUEST",
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("com.amazonaws.dynamodb.v20120810#ResourceInUseException", again.GetProperty("__type").GetString());
        Assert.Equal("Table already exists: locks", again.GetProperty("message").GetString());

        var (_, missing) = await dynamo.FailAsync("DescribeTable", new { TableName = "nope" });
        Assert.Equal("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", missing.GetProperty("__type").GetString());
        Assert.Equal("Requested resource not found: Table: nope not found", missing.GetProperty("message").GetString());

        var (_, itemOnMissing) = await dynamo.FailAsync("GetItem", new { TableName = "nope", Key = new { pk = new { S = "a" } } });
        Assert.Equal("Requested resource not found", itemOnMissing.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Table_definitions_AWS_refuses_are_ValidationExceptions()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var dynamo = new DynamoDbHttp(sandbox);

        var (_, undefined) = await dynamo.FailAsync("CreateTable", new
        {
            TableName = "table1",
            AttributeDefinitions = new[] { new { AttributeName = "id", AttributeType = "S" } },
            KeySchema = new[] { new { AttributeName = "pk", KeyType = "HASH" } },
            BillingMode = "PAY_PER_REQUEST",
        });
        Assert.Equal("com.amazon.coral.validate#ValidationException", undefined.GetProperty("__type").GetString());
        Assert.StartsWith("One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions.",
            undefined.GetProperty("message").GetString());

        var (_, noThroughput) = await dynamo.FailAsync("CreateTable", new
        {
            TableName = "table2",
            AttributeDefinitions = new[] { new { AttributeName = "pk", AttributeType = "S" } },
            KeySchema = new[] { new { AttributeName = "pk", KeyType = "HASH" } },
        });
        Assert.Equal("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED",
            noThroughput.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_deleted_table_answers_DELETING_then_is_gone_with_its_items()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var dynamo = new DynamoDbHttp(sandbox);
        await dynamo.CreateTableAsync("scratch");
        await dynamo.CallAsync("PutItem", new { TableName = "scratch", Item = new { pk = new { S = "a" } } });

        var deleted = await dynamo.CallAsync("DeleteTable", new { TableName = "scratch" });

        Assert.Equal("DELETING", deleted.GetProperty("TableDescription").GetProperty("TableStatus").GetString());
        Assert.Equal(1, deleted.GetProperty("TableDescription").GetProperty("ItemCount").GetInt32());
        await dynamo.FailAsync("DescribeTable", new { TableName = "scratch" });
        await dynamo.CreateTableAsync("scratch");
        Assert.False((await dynamo.CallAsync("GetItem", new { TableName = "scratch", Key = new { pk = new { S = "a" } }, ConsistentRead = true }))
            .TryGetProperty("Item", out _));
    }

    [Fact]
    public async Task The_control_surface_lists_tables_with_key_schema_item_counts_and_items()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var dynamo = new DynamoDbHttp(sandbox);
        await dynamo.CreateTableAsync("journal", rangeKey: "seq");
        await dynamo.CallAsync("PutItem", new { TableName = "journal", Item = new { pk = new { S = "run-1" }, seq = new { N = "1" }, step = new { S = "createSecret" } } });

        using var http = new HttpClient();
        var state = JsonDocument.Parse(await http.GetStringAsync(new System.Uri(sandbox.Endpoint, "_sandbox/dynamodb"))).RootElement;

        var table = Assert.Single(state.GetProperty("tables").EnumerateArray());
        Assert.Equal("journal", table.GetProperty("name").GetString());
        Assert.Equal("pk (S)", table.GetProperty("hashKey").GetString());
        Assert.Equal("seq (N)", table.GetProperty("rangeKey").GetString());
        Assert.Equal(1, table.GetProperty("itemCount").GetInt32());
        Assert.Equal("createSecret", Assert.Single(table.GetProperty("items").EnumerateArray()).GetProperty("step").GetProperty("S").GetString());
    }

    private static System.Collections.Generic.IEnumerable<string> JsonKeys(JsonElement list, string typeMember)
    {
        foreach (var element in list.EnumerateArray())
        {
            yield return $"{element.GetProperty("AttributeName").GetString()}:{element.GetProperty(typeMember).GetString()}";
        }
    }
}
