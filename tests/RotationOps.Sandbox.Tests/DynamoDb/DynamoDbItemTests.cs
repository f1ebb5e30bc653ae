using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.DynamoDb;

/// <summary>PutItem, GetItem, UpdateItem and DeleteItem: attribute values, conditions, return values, consistency and validation.</summary>
public sealed class DynamoDbItemTests
{
    [Fact]
    public async Task Every_attribute_type_round_trips_and_numbers_come_back_normalised()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var dynamo = new DynamoDbHttp(sandbox);
        await dynamo.CreateTableAsync("journal");
        var item = JsonDocument.Parse("""
            {"pk":{"S":"run-1"},"n":{"N":"01.50"},"big":{"N":"12345678901234567890123456789012345678"},"b":{"B":"AAEC"},
             "ok":{"BOOL":true},"none":{"NULL":true},"m":{"M":{"step":{"S":"setSecret"},"tries":{"N":"2"}}},
             "l":{"L":[{"S":"x"},{"N":"-0.25"},{"L":[]}]},"ss":{"SS":["a","b"]},"ns":{"NS":["1","2.0"]},"empty":{"S":""}}
            """).RootElement;
        await dynamo.CallAsync("PutItem", new { TableName = "journal", Item = item });

        var read = (await dynamo.CallAsync("GetItem", new { TableName = "journal", Key = new { pk = new { S = "run-1" } }, ConsistentRead = true })).GetProperty("Item");

        Assert.Equal("1.5", read.GetProperty("n").GetProperty("N").GetString());
        Assert.Equal("12345678901234567890123456789012345678", read.GetProperty("big").GetProperty("N").GetString());
        Assert.Equal("AAEC", read.GetProperty("b").GetProperty("B").GetString());
        Assert.True(read.GetProperty("ok").GetProperty("BOOL").GetBoolean());
        Assert.True(read.GetProperty("none").GetProperty("NULL").GetBoolean());
        Assert.Equal("setSecret", read.GetProperty("m").GetProperty("M").GetProperty("step").GetProperty("S").GetString());
        Assert.Equal("-0.25", read.GetProperty("l").GetProperty("L")[1].GetProperty("N").GetString());
        Assert.Equal(0, read.GetProperty("l").GetProperty("L")[2].GetProperty("L").GetArrayLength());
        Assert.Equal(["a", "b"], read.GetProperty("ss").GetProperty("SS").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Equal(["1", "2"], read.GetProperty("ns").GetProperty("NS").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Equal(string.Empty, read.GetProperty("empty").GetProperty("S").GetString());
    }

    [Fact]
    public async Task A_second_put_with_attribute_not_exists_fails_with_AWS_error_body_and_can_return_the_item()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var dynamo = new DynamoDbHttp(sandbox);
        await dynamo.CreateTableAsync("locks");
        var put = new
        {
            TableName = "locks",
            Item = new { pk = new { S = "rotation/prod-db" }, holder = new { S = "runner-a" } },
            ConditionExpression = "attribute_not_exists(pk)",
        };
        await dynamo.CallAsync("PutItem", put);

        var (status, plain) = await dynamo.FailAsync("PutItem", put);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.Equal("""{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}""", plain.GetRawText());

        var (_, withItem) = await dynamo.FailAsync("PutItem", new
        {
            TableName = "locks",
            Item = new { pk = new { S = "rotation/prod-db" }, holder = new { S = "runner-b" } },
            ConditionExpression = "attribute_not_exists(pk)",
            ReturnValuesOnConditionCheckFailure = "ALL_OLD",
        });
        Assert.Equal("runner-a", withItem.GetProperty("Item").GetProperty("holder").GetProperty("S").GetString());
    }

    [Fact]
    public async Task Conditions_combine_comparisons_with_AND_OR_NOT_and_parentheses_and_compare_numbers_numerically()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var dynamo = new DynamoDbHttp(sandbox);
        await dynamo.CreateTableAsync("locks");
        await dynamo.CallAsync("PutItem", new { TableName = "locks", Item = new { pk = new { S = "l" }, version = new { N = "10" }, holder = new { S = "a" } } });

        async Task<bool> Holds(string condition, JsonElement values)
        {
            using var response = await dynamo.SendAsync("PutItem", new
            {
                TableName = "locks",
                Item = new { pk = new { S = "l" }, version = new { N = "10" }, holder = new { S = "a" } },
                ConditionExpression = condition,
                ExpressionAttributeNames = new System.Collections.Generic.Dictionary<string, string> { ["#v"] = "version" },
                ExpressionAttributeValues = values,
            });
            return response.IsSuccessStatusCode;
        }

        Assert.True(await Holds("#v > :nine", Values((":nine", "N", "9"))));
        Assert.False(await Holds("#v < :nine", Values((":nine", "N", "9"))));
        Assert.True(await Holds("#v = :ten AND (holder = :b OR NOT holder <> :a)", Values((":ten", "N", "10"), (":a", "S", "a"), (":b", "S", "b"))));
        Assert.False(await Holds("#v >= :ten AND attribute_exists(missing) OR holder = :b", Values((":ten", "N", "10.0"), (":b", "S", "b"))));
        Assert.True(await Holds("#v <= :ten AND missing <> :ten", Values((":ten", "N", "1e1"))));
    }

    [Fact]
    public async Task An_eventually_consistent_read_lags_a_write_until_the_replication_lag_passes()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var dynamo = new DynamoDbHttp(sandbox);
        await dynamo.CreateTableAsync("journal");
        await dynamo.CallAsync("PutItem", new { TableName = "journal", Item = new { pk = new { S = "r" }, step = new { S = "one" } } });
        var key = new { pk = new { S = "r" } };

        Assert.False((await dynamo.CallAsync("GetItem", new { TableName = "journal", Key = key })).TryGetProperty("Item", out _));
        Assert.True((await dynamo.CallAsync("GetItem", new { TableName = "journal", Key = key, ConsistentRead = true })).TryGetProperty("Item", out _));

        sandbox.Clock.Advance(TimeSpan.FromSeconds(1));
        await dynamo.CallAsync("PutItem", new { TableName = "journal", Item = new { pk = new { S = "r" }, step = new { S = "two" } } });

        var eventual = (await dynamo.CallAsync("GetItem", new { TableName = "journal", Key = key })).GetProperty("Item");
        Assert.Equal("one", eventual.GetProperty("step").GetProperty("S").GetString());
        sandbox.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("two", (await dynamo.CallAsync("GetItem", new { TableName = "journal", Key = key })).GetProperty("Item").GetProperty("step").GetProperty("S").GetString());
    }

    [Fact]
    public async Task UpdateItem_sets_increments_and_removes_under_a_condition_and_returns_what_was_asked()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var dynamo = new DynamoDbHttp(sandbox);
        await dynamo.CreateTableAsync("locks");
        var key = new { pk = new { S = "rotation/prod-db" } };

        var created = await dynamo.CallAsync("UpdateItem", new
        {
            TableName = "locks",
            Key = key,
            UpdateExpression = "SET #o = :me, fence = if_not_exists(fence, :zero) + :one",
            ConditionExpression = "attribute_not_exists(#o)",
            ExpressionAttributeNames = new System.Collections.Generic.Dictionary<string, string> { ["#o"] = "owner" },
            ExpressionAttributeValues = Values((":me", "S", "runner-a"), (":zero", "N", "0"), (":one", "N", "1")),
            ReturnValues = "ALL_NEW",
        });
        Assert.Equal("1", created.GetProperty("Attributes").GetProperty("fence").GetProperty("N").GetString());
        Assert.Equal("rotation/prod-db", created.GetProperty("Attributes").GetProperty("pk").GetProperty("S").GetString());

        var (_, taken) = await dynamo.FailAsync("UpdateItem", new
        {
            TableName = "locks",
            Key = key,
            UpdateExpression = "SET #o = :me",
            ConditionExpression = "attribute_not_exists(#o)",
            ExpressionAttributeNames = new System.Collections.Generic.Dictionary<string, string> { ["#o"] = "owner" },
            ExpressionAttributeValues = Values((":me", "S", "runner-b")),
        });
        Assert.Equal("com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", taken.GetProperty("__type").GetString());

        var released = await dynamo.CallAsync("UpdateItem", new
        {
            TableName = "locks",
            Key = key,
            UpdateExpression = "REMOVE #o SET fence = fence + :one",
            ConditionExpression = "#o = :me",
            ExpressionAttributeNames = new System.Collections.Generic.Dictionary<string, string> { ["#o"] = "owner" },
            ExpressionAttributeValues = Values((":me", "S", "runner-a"), (":one", "N", "1")),
            ReturnValues = "UPDATED_OLD",
        });
        Assert.Equal("runner-a", released.GetProperty("Attributes").GetProperty("owner").GetProperty("S").GetString());
        Assert.Equal("1", released.GetProperty("Attributes").GetProperty("fence").GetProperty("N").GetString());

        var now = (await dynamo.CallAsync("GetItem", new { TableName = "locks", Key = key, ConsistentRead = true })).GetProperty("Item");
        Assert.False(now.TryGetProperty("owner", out _));
        Assert.Equal("2", now.GetProperty("fence").GetProperty("N").GetString());
    }

    [Fact]
    public async Task DeleteItem_honours_its_condition_and_returns_the_old_item()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var dynamo = new DynamoDbHttp(sandbox);
        await dynamo.CreateTableAsync("locks");
        await dynamo.CallAsync("PutItem", new { TableName = "locks", Item = new { pk = new { S = "l" }, holder = new { S = "a" } } });

        await dynamo.FailAsync("DeleteItem", new { TableName = "locks", Key = new { pk = new { S = "l" } }, ConditionExpression = "holder = :b", ExpressionAttributeValues = Values((":b", "S", "b")) });
        var deleted = await dynamo.CallAsync("DeleteItem", new
        {
            TableName = "locks",
            Key = new { pk = new { S = "l" } },
            ConditionExpression = "holder = :a",
            ExpressionAttributeValues = Values((":a", "S", "a")),
            ReturnValues = "ALL_OLD",
        });

        Assert.Equal("a", deleted.GetProperty("Attributes").GetProperty("holder").GetProperty("S").GetString());
        Assert.Equal(0, sandbox.DynamoDb.Find("locks")!.ItemCount);
    }

    [Theory]
    [InlineData("PutItem", """{"TableName":"things","Item":{"pk":{"N":"1"}}}""", "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N")]
    [InlineData("PutItem", """{"TableName":"things","Item":{"other":{"S":"1"}}}""", "One or more parameter values were invalid: Missing the key pk in the item")]
    [InlineData("GetItem", """{"TableName":"things","Key":{"pk":{"N":"1"}}}""", "The provided key element does not match the schema")]
    [InlineData("GetItem", """{"TableName":"things","Key":{"pk":{"S":"1"},"extra":{"S":"x"}}}""", "The provided key element does not match the schema")]
    [InlineData("PutItem", """{"TableName":"things","Item":{"pk":{"S":"1"}},"ConditionExpression":"attribute_not_exists(pk) AND"}""", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"")]
    [InlineData("PutItem", """{"TableName":"things","Item":{"pk":{"S":"1"}},"ConditionExpression":"pk = :v"}""", "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v")]
    [InlineData("PutItem", """{"TableName":"things","Item":{"pk":{"S":"1"}},"ConditionExpression":"status = :v","ExpressionAttributeValues":{":v":{"S":"x"}}}""", "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status")]
    [InlineData("PutItem", """{"TableName":"things","Item":{"pk":{"S":"1"}},"ConditionExpression":"attribute_exists(pk)","ExpressionAttributeValues":{":v":{"S":"x"}}}""", "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}")]
    [InlineData("UpdateItem", """{"TableName":"things","Key":{"pk":{"S":"1"}},"UpdateExpression":"SET pk = :v","ExpressionAttributeValues":{":v":{"S":"x"}}}""", "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key")]
    [InlineData("UpdateItem", """{"TableName":"things","Key":{"pk":{"S":"1"}},"UpdateExpression":"SET n = n + :one","ExpressionAttributeValues":{":one":{"N":"1"}}}""", "The provided expression refers to an attribute that does not exist in the item")]
    [InlineData("PutItem", """{"TableName":"things","Item":{"pk":{"S":"1"},"n":{"N":"abc"}}}""", "The parameter cannot be converted to a numeric value")]
    public async Task Requests_AWS_refuses_are_ValidationExceptions_with_AWS_texts(string operation, string body, string message)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var dynamo = new DynamoDbHttp(sandbox);
        await dynamo.CreateTableAsync("things");

        var (_, error) = await dynamo.FailAsync(operation, JsonDocument.Parse(body).RootElement);

        Assert.Equal("com.amazon.coral.validate#ValidationException", error.GetProperty("__type").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_item_over_400_KB_is_refused_and_one_just_under_is_stored()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var dynamo = new DynamoDbHttp(sandbox);
        await dynamo.CreateTableAsync("journal");

        // Attribute names count: "pk" + "a" (3 bytes) and the key value "k" (1 byte).
        await dynamo.CallAsync("PutItem", new { TableName = "journal", Item = new { pk = new { S = "k" }, a = new { S = new string('x', (400 * 1024) - 4) } } });
        var (_, error) = await dynamo.FailAsync("PutItem", new { TableName = "journal", Item = new { pk = new { S = "k" }, a = new { S = new string('x', (400 * 1024) - 3) } } });

        Assert.Equal("Item size has exceeded the maximum allowed size", error.GetProperty("message").GetString());
    }

    internal static JsonElement Values(params (string Name, string Type, string Value)[] values) =>
        JsonDocument.Parse(JsonSerializer.Serialize(values.ToDictionary(v => v.Name, v => new System.Collections.Generic.Dictionary<string, string> { [v.Type] = v.Value }))).RootElement;
}
