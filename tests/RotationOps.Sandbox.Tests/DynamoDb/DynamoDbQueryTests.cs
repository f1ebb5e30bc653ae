using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using RotationOps.Sandbox.Tests.Infrastructure;
using static RotationOps.Sandbox.Tests.DynamoDb.DynamoDbItemTests;

namespace RotationOps.Sandbox.Tests.DynamoDb;

/// <summary>Query on the primary key: range conditions, order, paging, and key conditions AWS refuses.</summary>
public sealed class DynamoDbQueryTests
{
    [Theory]
    [InlineData("pk = :p", "", "1,2,9,10,11")]
    [InlineData("pk = :p AND seq > :a", "9", "10,11")]
    [InlineData("pk = :p AND seq <= :a", "9", "1,2,9")]
    [InlineData("pk = :p AND seq BETWEEN :a AND :b", "2,10", "2,9,10")]
    [InlineData("seq = :a AND pk = :p", "9", "9")]
    public async Task A_range_condition_selects_items_in_numeric_range_key_order(string condition, string bounds, string expected)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var dynamo = new DynamoDbHttp(sandbox);
        await SeedAsync(dynamo);
        var values = new List<(string, string, string)> { (":p", "S", "run-1") };
        var split = bounds.Split(',', System.StringSplitOptions.RemoveEmptyEntries);
        values.AddRange(split.Select((b, i) => (i == 0 ? ":a" : ":b", "N", b)));

        var result = await dynamo.CallAsync("Query", new
        {
            TableName = "journal",
            KeyConditionExpression = condition,
            ExpressionAttributeValues = Values([.. values]),
            ConsistentRead = true,
        });

        Assert.Equal(expected, Seqs(result));
        Assert.Equal(expected.Split(',').Length, result.GetProperty("Count").GetInt32());
    }

    [Fact]
    public async Task Pages_follow_LastEvaluatedKey_backwards_until_no_key_is_returned()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var dynamo = new DynamoDbHttp(sandbox);
        await SeedAsync(dynamo);
        var pages = new List<string>();
        JsonElement? start = null;
        do
        {
            var page = await dynamo.CallAsync("Query", new Dictionary<string, object?>
            {
                ["TableName"] = "journal",
                ["KeyConditionExpression"] = "pk = :p",
                ["ExpressionAttributeValues"] = Values((":p", "S", "run-1")),
                ["ScanIndexForward"] = false,
                ["Limit"] = 2,
                ["ConsistentRead"] = true,
                ["ExclusiveStartKey"] = start,
            });
            pages.Add(Seqs(page));
            start = page.TryGetProperty("LastEvaluatedKey", out var key) ? key : null;
        }
        while (start is not null);

        Assert.Equal(["11,10", "9,2", "1"], pages);
    }

    [Fact]
    public async Task Begins_with_narrows_a_string_range_key_and_an_eventually_consistent_query_lags_writes()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var dynamo = new DynamoDbHttp(sandbox);
        await dynamo.CreateTableAsync("events", rangeKey: "sk", rangeType: "S");
        foreach (var sk in new[] { "step#1", "step#2", "meta" })
        {
            await dynamo.CallAsync("PutItem", new { TableName = "events", Item = new { pk = new { S = "r" }, sk = new { S = sk } } });
        }

        var query = new
        {
            TableName = "events",
            KeyConditionExpression = "pk = :p AND begins_with(sk, :s)",
            ExpressionAttributeValues = Values((":p", "S", "r"), (":s", "S", "step#")),
        };
        Assert.Equal(0, (await dynamo.CallAsync("Query", query)).GetProperty("Count").GetInt32());
        sandbox.Clock.Advance(System.TimeSpan.FromSeconds(1));

        var steps = (await dynamo.CallAsync("Query", query)).GetProperty("Items").EnumerateArray().Select(i => i.GetProperty("sk").GetProperty("S").GetString());
        Assert.Equal(["step#1", "step#2"], steps);
    }

    [Theory]
    [InlineData("seq = :a", "Query condition missed key schema element: pk")]
    [InlineData("pk = :p OR seq = :a", "Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: OR")]
    [InlineData("pk = :p AND other = :a", "Query key condition not supported")]
    [InlineData("pk = :a", "One or more parameter values were invalid: Condition parameter type does not match schema type")]
    public async Task Key_conditions_AWS_refuses_are_ValidationExceptions(string condition, string message)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var dynamo = new DynamoDbHttp(sandbox);
        await SeedAsync(dynamo);
        var values = new List<(string, string, string)> { (":a", "N", "1") };
        if (condition.Contains(":p", System.StringComparison.Ordinal))
        {
            values.Add((":p", "S", "run-1"));
        }

        var (_, error) = await dynamo.FailAsync("Query", new { TableName = "journal", KeyConditionExpression = condition, ExpressionAttributeValues = Values([.. values]) });

        Assert.Equal(message, error.GetProperty("message").GetString());
    }

    private static async Task SeedAsync(DynamoDbHttp dynamo)
    {
        await dynamo.CreateTableAsync("journal", rangeKey: "seq");
        foreach (var seq in new[] { "10", "2", "11", "1", "9" })
        {
            await dynamo.CallAsync("PutItem", new { TableName = "journal", Item = new { pk = new { S = "run-1" }, seq = new { N = seq } } });
        }

        await dynamo.CallAsync("PutItem", new { TableName = "journal", Item = new { pk = new { S = "run-2" }, seq = new { N = "5" } } });
    }

    private static string Seqs(JsonElement result) =>
        string.Join(",", result.GetProperty("Items").EnumerateArray().Select(i => i.GetProperty("seq").GetProperty("N").GetString()));
}
