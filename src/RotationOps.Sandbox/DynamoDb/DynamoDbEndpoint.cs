using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.DynamoDb.Items;
using RotationOps.Sandbox.DynamoDb.Operations;
using RotationOps.Sandbox.DynamoDb.Tables;
using RotationOps.Sandbox.Errors;
using RotationOps.Sandbox.Hosting;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.DynamoDb;

/// <summary>
/// DynamoDB over awsJson1_0: <c>POST /</c> with <c>X-Amz-Target: DynamoDB_20120810.&lt;Operation&gt;</c>,
/// signing name <c>dynamodb</c>. Errors are <c>{"__type": "&lt;namespace&gt;#&lt;Code&gt;", "message": ...}</c>;
/// a failed condition check can also carry the item as <c>Item</c>.
/// </summary>
internal sealed class DynamoDbEndpoint(TableStore store, DynamoDbQuotas quotas, TimeProvider clock, IEnumerable<IDynamoDbOperation> operations)
    : IServiceEndpoint
{
    private const string TargetPrefix = "DynamoDB_20120810.";
    private const string ContentType = "application/x-amz-json-1.0";

    // The item a failed condition check returns travels from the call to its error reply with the request.
    private static readonly object FailedItemKey = new();
    private readonly Dictionary<string, IDynamoDbOperation> byName = operations.ToDictionary(o => o.Name, StringComparer.Ordinal);

    public string ServiceName => "dynamodb";

    public bool Accepts(AwsRequest request) =>
        request.Headers["X-Amz-Target"].ToString().StartsWith(TargetPrefix, StringComparison.Ordinal);

    public string OperationOf(AwsRequest request) => request.Headers["X-Amz-Target"].ToString()[TargetPrefix.Length..];

    public AwsErrorException Throttled() => DynamoDbErrors.Throttling();

    public AwsErrorException InternalFailure() => DynamoDbErrors.InternalServerError();

    public void EnforceQuota(string operation) => quotas.Enforce(operation);

    public async Task InvokeAsync(string operation, AwsRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method) || !byName.TryGetValue(operation, out var handler))
        {
            throw DynamoDbErrors.UnknownOperation(operation);
        }

        var input = AwsJsonInput.Parse(request.Body);
        ReadOnlyMemory<byte> body;
        try
        {
            lock (store.Gate)
            {
                var now = clock.GetUtcNow();
                body = AwsJsonOutput.Render(output => handler.Execute(input, output, now));
            }
        }
        catch (ConditionalCheckFailure failure)
        {
            response.HttpContext.Items[FailedItemKey] = failure.Item;
            throw DynamoDbErrors.ConditionalCheckFailed();
        }

        await AwsJsonOutput.WriteAsync(response, StatusCodes.Status200OK, body, ContentType);
    }

    public Task WriteErrorAsync(HttpResponse response, AwsErrorException error)
    {
        var item = response.HttpContext.Items.TryGetValue(FailedItemKey, out var failed) ? failed as IReadOnlyDictionary<string, AttributeValue> : null;
        var body = AwsJsonOutput.Render(writer =>
        {
            writer.WriteString("__type", DynamoDbErrors.JsonTypeOf(error.Code));
            writer.WriteString("message", error.Message);
            if (item is not null)
            {
                AttributeValueJson.WriteItem(writer, "Item", item);
            }
        });
        return AwsJsonOutput.WriteAsync(response, error.StatusCode, body, ContentType);
    }
}
