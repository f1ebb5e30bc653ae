using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Aws.Http;
using RotationOps.Engine.Aws.Wire;
using RotationOps.Engine.DynamoDb.Wire;

namespace RotationOps.Engine.DynamoDb;

/// <summary>
/// The DynamoDB operations the shared journal uses, over awsJson1_0 (POST /, X-Amz-Target
/// DynamoDB_20120810.&lt;Operation&gt;), signed and retried by the shared <see cref="AwsHttpInvoker"/>
/// like every other client, so its calls obey the same timeouts, retry rules and verbose trail.
/// Items hold string attributes only: the journal writes nothing else.
/// Every write carries a condition, so resending one after a lost reply cannot apply it twice:
/// the resend fails its condition and the caller reads back what is there.
/// </summary>
internal sealed class DynamoDbClient : AwsServiceClient
{
    private const string ConditionalCheckFailed = "ConditionalCheckFailedException";
    public const string ResourceNotFound = "ResourceNotFoundException";

    private static readonly AwsJsonProtocol Protocol = new AwsJsonProtocol("DynamoDB_20120810", "1.0");

    private DynamoDbClient(AwsHttpInvoker invoker)
        : base(invoker)
    {
    }

    /// <exception cref="AwsConfigurationException">The connection settings cannot work.</exception>
    public static DynamoDbClient Create(AwsConnectionOptions options, TimeProvider time, Action<string>? verbose) =>
        new DynamoDbClient(AwsHttpInvoker.Connect(AwsService.DynamoDb, Protocol.ErrorParser, options, time, verbose, AwsHttpTransport.Shared, null));

    public Task<TableDescription> DescribeTableAsync(string table, CancellationToken cancellationToken) =>
        CallAsync("DescribeTable", table, DynamoDbRequests.DescribeTable(table), DynamoDbResponses.Table, cancellationToken);

    /// <summary>Writes the item if <paramref name="condition"/> holds; false when it does not (nothing was written).</summary>
    public Task<bool> TryPutItemAsync(string table, IReadOnlyDictionary<string, string> item, DynamoDbCondition condition, CancellationToken cancellationToken) =>
        WhenConditionHoldsAsync("PutItem", table, DynamoDbRequests.PutItem(table, item, condition), cancellationToken);

    /// <summary>Deletes the item if <paramref name="condition"/> holds; false when it does not (nothing was deleted).</summary>
    public Task<bool> TryDeleteItemAsync(string table, IReadOnlyDictionary<string, string> key, DynamoDbCondition condition, CancellationToken cancellationToken) =>
        WhenConditionHoldsAsync("DeleteItem", table, DynamoDbRequests.DeleteItem(table, key, condition), cancellationToken);

    /// <summary>The item, read strongly consistent (a lock or a write just made must be seen), or null.</summary>
    public Task<IReadOnlyDictionary<string, string>?> GetItemAsync(string table, IReadOnlyDictionary<string, string> key, CancellationToken cancellationToken) =>
        CallAsync("GetItem", table, DynamoDbRequests.GetItem(table, key), DynamoDbResponses.Item, cancellationToken);

    /// <summary>
    /// Every item of one partition in sort-key order (or the last <paramref name="limit"/> when
    /// <paramref name="newestFirst"/>), read strongly consistent, following LastEvaluatedKey.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> QueryAsync(string table, string partitionAttribute, string partitionValue,
        bool newestFirst, int? limit, CancellationToken cancellationToken)
    {
        var all = new List<IReadOnlyDictionary<string, string>>();
        IReadOnlyDictionary<string, string>? startKey = null;
        do
        {
            var page = await CallAsync("Query", table, DynamoDbRequests.Query(table, partitionAttribute, partitionValue, newestFirst, limit, startKey),
                DynamoDbResponses.QueryPage, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items);
            if (limit.HasValue && all.Count >= limit.Value) break;
            startKey = page.LastEvaluatedKey;
        }
        while (startKey != null);
        return all;
    }

    /// <summary>A conditional write: ConditionalCheckFailedException is an answer (false), not a failure.</summary>
    private async Task<bool> WhenConditionHoldsAsync(string operation, string table, SensitiveBufferWriter body, CancellationToken cancellationToken)
    {
        try
        {
            return await CallAsync(operation, table, body, DynamoDbResponses.Nothing, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.ErrorCode == ConditionalCheckFailed)
        {
            return false;
        }
    }

    private async Task<T> CallAsync<T>(string operation, string table, SensitiveBufferWriter body, AwsResponseReader<T> read,
        CancellationToken cancellationToken)
    {
        using (AwsHttpRequest request = Protocol.CreateRequest(operation, table, body))
            return await Invoker.SendAsync(request, read, cancellationToken).ConfigureAwait(false);
    }
}
