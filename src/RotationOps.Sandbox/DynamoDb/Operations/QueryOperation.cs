using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using RotationOps.Sandbox.DynamoDb.Expressions;
using RotationOps.Sandbox.DynamoDb.Items;
using RotationOps.Sandbox.DynamoDb.Tables;
using RotationOps.Sandbox.Errors;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.DynamoDb.Operations;

/// <summary>
/// Query on the table's primary key: the items of one hash key in range-key order (ScanIndexForward),
/// narrowed by an optional range-key condition, a page at a time. A page ends after Limit items or
/// once it holds 1 MB; LastEvaluatedKey is then set — whenever Limit was reached, even if nothing
/// follows, as AWS does — and ExclusiveStartKey resumes after it.
/// </summary>
internal sealed class QueryOperation(TableStore store) : IDynamoDbOperation
{
    private const int PageBytes = 1024 * 1024;

    public string Name => "Query";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var table = store.ForItems(ItemInput.TableName(input));
        ItemInput.RefuseUnsupported(input, "KeyConditions", "QueryFilter", "ConditionalOperator", "AttributesToGet",
            "IndexName", "FilterExpression", "ProjectionExpression");
        if (input.String("Select") is { } select && select != "ALL_ATTRIBUTES")
        {
            throw DynamoDbErrors.NotSupportedBySandbox($"Select {select}");
        }

        var source = input.String("KeyConditionExpression")
            ?? throw DynamoDbErrors.Validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        var attributes = ExpressionAttributes.Read(input, anyExpression: true);
        var condition = KeyCondition.Parse(source, attributes, table.KeySchema);
        attributes.EnsureAllUsed();
        var limit = input.Long("Limit", 1, int.MaxValue) ?? long.MaxValue;
        var forward = input.Bool("ScanIndexForward") ?? true;
        var startKey = StartKey(input, table.KeySchema);

        var range = table.KeySchema.Range;
        var matching = table.Partition(table.KeySchema.HashOf(condition.Hash), now, input.Bool("ConsistentRead") ?? false)
            .Where(item => condition.Range?.IsMetBy(item) ?? true)
            .ToList();
        if (range is not null)
        {
            matching.Sort((a, b) => (forward ? 1 : -1) * AttributeValue.Compare(a[range.Name], b[range.Name])!.Value);
        }

        var remaining = startKey is null ? matching : After(matching, startKey, range, forward);
        var page = new List<IReadOnlyDictionary<string, AttributeValue>>();
        var bytes = 0;
        foreach (var item in remaining)
        {
            page.Add(item);
            bytes += ItemSize.Of(item);
            if (page.Count == limit || bytes >= PageBytes)
            {
                break;
            }
        }

        output.WriteStartArray("Items");
        foreach (var item in page)
        {
            AttributeValueJson.WriteItem(output, item);
        }

        output.WriteEndArray();
        output.WriteNumber("Count", page.Count);
        output.WriteNumber("ScannedCount", page.Count);
        if (page.Count > 0 && (page.Count == limit || page.Count < remaining.Count))
        {
            AttributeValueJson.WriteItem(output, "LastEvaluatedKey", table.KeySchema.KeyAttributesOf(page[^1]));
        }
    }

    private static IReadOnlyDictionary<string, AttributeValue>? StartKey(AwsJsonInput input, KeySchema schema)
    {
        var start = AttributeValueJson.ReadItem(input, "ExclusiveStartKey");
        if (start is null)
        {
            return null;
        }

        try
        {
            schema.KeyOfKey(start);
            return start;
        }
        catch (AwsErrorException invalid)
        {
            throw DynamoDbErrors.Validation($"The provided starting key is invalid: {invalid.Message}");
        }
    }

    /// <summary>The items after the start key in the query's order; on a table without a range key, nothing follows it.</summary>
    private static List<IReadOnlyDictionary<string, AttributeValue>> After(
        List<IReadOnlyDictionary<string, AttributeValue>> ordered, IReadOnlyDictionary<string, AttributeValue> start, KeyAttribute? range, bool forward) =>
        range is null
            ? []
            : ordered.Where(item => (forward ? 1 : -1) * AttributeValue.Compare(item[range.Name], start[range.Name])!.Value > 0).ToList();
}
