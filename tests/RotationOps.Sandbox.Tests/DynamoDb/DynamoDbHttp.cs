using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.DynamoDb;

/// <summary>A bare awsJson1_0 DynamoDB client for the C# tests: signed POSTs with <c>X-Amz-Target: DynamoDB_20120810.&lt;Op&gt;</c>, raw replies.</summary>
internal sealed class DynamoDbHttp(SandboxServer server)
{
    private static readonly HttpClient Http = new();

    public async Task<HttpResponseMessage> SendAsync(string operation, object input)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(input);
        var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", $"DynamoDB_20120810.{operation}");
        SigV4Signer.Sign(request, body, server.AccessKeyId, server.SecretAccessKey, server.Region, "dynamodb", DateTimeOffset.UtcNow);
        return await Http.SendAsync(request);
    }

    public async Task<JsonElement> CallAsync(string operation, object input)
    {
        using var response = await SendAsync(operation, input);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{operation} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Calls an operation that must fail; returns the status and the whole error body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> FailAsync(string operation, object input)
    {
        using var response = await SendAsync(operation, input);
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(response.IsSuccessStatusCode, $"{operation} should have failed but answered {(int)response.StatusCode}: {text}");
        Assert.Equal("application/x-amz-json-1.0", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A PAY_PER_REQUEST table keyed by <c>pk</c> (S) and, when given, a range key.</summary>
    public Task<JsonElement> CreateTableAsync(string name, string? rangeKey = null, string rangeType = "N")
    {
        object[] definitions = rangeKey is null
            ? [new { AttributeName = "pk", AttributeType = "S" }]
            : [new { AttributeName = "pk", AttributeType = "S" }, new { AttributeName = rangeKey, AttributeType = rangeType }];
        object[] schema = rangeKey is null
            ? [new { AttributeName = "pk", KeyType = "HASH" }]
            : [new { AttributeName = "pk", KeyType = "HASH" }, new { AttributeName = rangeKey, KeyType = "RANGE" }];
        return CallAsync("CreateTable", new { TableName = name, AttributeDefinitions = definitions, KeySchema = schema, BillingMode = "PAY_PER_REQUEST" });
    }
}
