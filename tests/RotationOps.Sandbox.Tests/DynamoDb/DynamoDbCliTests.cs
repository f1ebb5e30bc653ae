using System.Linq;
using System.Threading.Tasks;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.DynamoDb;

/// <summary>The DynamoDB twin driven by Debian's AWS CLI v2: the independent client that proves wire fidelity.</summary>
public sealed class DynamoDbCliTests
{
    private const string Values = """{":p":{"S":"run-1"},":from":{"N":"2"}}""";

    [AwsCliFact]
    public async Task A_journal_table_is_created_written_conditionally_read_queried_updated_and_deleted_through_the_CLI()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var aws = new AwsCli(sandbox);

        var table = (await aws.RunAsync("dynamodb", "create-table", "--table-name", "journal",
            "--attribute-definitions", "AttributeName=pk,AttributeType=S", "AttributeName=seq,AttributeType=N",
            "--key-schema", "AttributeName=pk,KeyType=HASH", "AttributeName=seq,KeyType=RANGE",
            "--billing-mode", "PAY_PER_REQUEST")).Succeeded().Json.GetProperty("TableDescription");
        Assert.Equal("ACTIVE", table.GetProperty("TableStatus").GetString());

        foreach (var seq in new[] { "1", "2", "3" })
        {
            (await aws.RunAsync("dynamodb", "put-item", "--table-name", "journal",
                "--item", $$$"""{"pk":{"S":"run-1"},"seq":{"N":"{{{seq}}}"},"step":{"S":"step-{{{seq}}}"}}""",
                "--condition-expression", "attribute_not_exists(pk)")).Succeeded();
        }

        var duplicate = (await aws.RunAsync("dynamodb", "put-item", "--table-name", "journal",
            "--item", """{"pk":{"S":"run-1"},"seq":{"N":"1"},"step":{"S":"again"}}""",
            "--condition-expression", "attribute_not_exists(pk)")).FailedWith("ConditionalCheckFailedException");
        Assert.Contains("The conditional request failed", duplicate.Stderr, System.StringComparison.Ordinal);

        var read = (await aws.RunAsync("dynamodb", "get-item", "--table-name", "journal", "--consistent-read",
            "--key", """{"pk":{"S":"run-1"},"seq":{"N":"1"}}""")).Succeeded().Json;
        Assert.Equal("step-1", read.GetProperty("Item").GetProperty("step").GetProperty("S").GetString());

        var queried = (await aws.RunAsync("dynamodb", "query", "--table-name", "journal", "--consistent-read",
            "--key-condition-expression", "pk = :p AND seq >= :from", "--expression-attribute-values", Values,
            "--no-scan-index-forward")).Succeeded().Json;
        Assert.Equal(["3", "2"], queried.GetProperty("Items").EnumerateArray().Select(i => i.GetProperty("seq").GetProperty("N").GetString()));

        var updated = (await aws.RunAsync("dynamodb", "update-item", "--table-name", "journal",
            "--key", """{"pk":{"S":"run-1"},"seq":{"N":"3"}}""",
            "--update-expression", "SET #s = :done", "--condition-expression", "#s = :expected",
            "--expression-attribute-names", """{"#s":"step"}""",
            "--expression-attribute-values", """{":done":{"S":"finished"},":expected":{"S":"step-3"}}""",
            "--return-values", "ALL_NEW")).Succeeded().Json;
        Assert.Equal("finished", updated.GetProperty("Attributes").GetProperty("step").GetProperty("S").GetString());

        (await aws.RunAsync("dynamodb", "update-item", "--table-name", "journal",
            "--key", """{"pk":{"S":"run-1"},"seq":{"N":"3"}}""",
            "--update-expression", "SET #s = :done", "--condition-expression", "#s = :expected",
            "--expression-attribute-names", """{"#s":"step"}""",
            "--expression-attribute-values", """{":done":{"S":"again"},":expected":{"S":"step-3"}}"""))
            .FailedWith("ConditionalCheckFailedException");

        (await aws.RunAsync("dynamodb", "delete-item", "--table-name", "journal", "--key", """{"pk":{"S":"run-1"},"seq":{"N":"1"}}""")).Succeeded();
        Assert.Equal(2, sandbox.DynamoDb.Find("journal")!.ItemCount);
    }

    [AwsCliFact]
    public async Task A_missing_table_and_a_key_of_the_wrong_type_are_refused_as_AWS_refuses_them()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var aws = new AwsCli(sandbox);

        var missing = (await aws.RunAsync("dynamodb", "describe-table", "--table-name", "nowhere")).FailedWith("ResourceNotFoundException");
        Assert.Contains("Requested resource not found: Table: nowhere not found", missing.Stderr, System.StringComparison.Ordinal);

        (await aws.RunAsync("dynamodb", "create-table", "--table-name", "locks",
            "--attribute-definitions", "AttributeName=pk,AttributeType=S", "--key-schema", "AttributeName=pk,KeyType=HASH",
            "--billing-mode", "PAY_PER_REQUEST")).Succeeded();
        var mismatch = (await aws.RunAsync("dynamodb", "put-item", "--table-name", "locks", "--item", """{"pk":{"N":"7"}}"""))
            .FailedWith("ValidationException");
        Assert.Contains("Type mismatch for key pk expected: S actual: N", mismatch.Stderr, System.StringComparison.Ordinal);
    }

    [AwsCliFact]
    public async Task The_CLI_retries_through_injected_throttling()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var aws = new AwsCli(sandbox);
        (await aws.RunAsync("dynamodb", "create-table", "--table-name", "locks",
            "--attribute-definitions", "AttributeName=pk,AttributeType=S", "--key-schema", "AttributeName=pk,KeyType=HASH",
            "--billing-mode", "PAY_PER_REQUEST")).Succeeded();
        var fault = sandbox.Faults.Add(new Faults.FaultRule { Service = "dynamodb", Operation = "PutItem", Kind = Faults.FaultKind.Throttle, Count = 1 });

        (await aws.RunAsync("dynamodb", "put-item", "--table-name", "locks", "--item", """{"pk":{"S":"a"}}""")).Succeeded();

        Assert.Equal(1, sandbox.Faults.Rules.Single(r => r.Id == fault).Hits);
        Assert.Equal(1, sandbox.DynamoDb.Find("locks")!.ItemCount);
    }
}
