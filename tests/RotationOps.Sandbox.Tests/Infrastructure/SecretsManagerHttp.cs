using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace RotationOps.Sandbox.Tests.Infrastructure;

/// <summary>
/// A bare awsJson1_1 client for the C# tests: signed POSTs with <c>X-Amz-Target</c>, raw replies.
/// Request members are written exactly as named in the anonymous objects the tests pass.
/// </summary>
internal sealed class SecretsManagerHttp(SandboxServer server)
{
    private static readonly HttpClient Http = new();
    private static readonly JsonSerializerOptions RequestJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string NewToken() => Guid.NewGuid().ToString();

    public async Task<HttpResponseMessage> SendAsync(string operation, string json, Action<HttpRequestMessage, byte[]>? sign = null,
        CancellationToken cancellationToken = default)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", $"secretsmanager.{operation}");
        (sign ?? SignCorrectly)(request, body);
        return await Http.SendAsync(request, cancellationToken);
    }

    public async Task<JsonElement> CallAsync(string operation, object input)
    {
        using var response = await SendAsync(operation, JsonSerializer.Serialize(input, RequestJson));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            // Error bodies never carry secret values, so they may appear in a failure message.
            Assert.Fail($"{operation} failed with {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<AwsError> FailAsync(string operation, object input)
    {
        using var response = await SendAsync(operation, JsonSerializer.Serialize(input, RequestJson));
        Assert.True(response.StatusCode != HttpStatusCode.OK, $"{operation} should have failed but succeeded.");
        return await AwsError.ReadAsync(response);
    }

    public async Task<(string Arn, string VersionId)> CreateSecretAsync(string name, string value)
    {
        var created = await CallAsync("CreateSecret", new { Name = name, SecretString = value, ClientRequestToken = NewToken() });
        return (created.GetProperty("ARN").GetString()!, created.GetProperty("VersionId").GetString()!);
    }

    public async Task<string> GetValueAsync(string secretId, string? stage = null, string? versionId = null) =>
        (await CallAsync("GetSecretValue", new { SecretId = secretId, VersionStage = stage, VersionId = versionId }))
            .GetProperty("SecretString").GetString()!;

    public async Task<string> PutValueAsync(string secretId, string value, string[]? stages = null) =>
        (await CallAsync("PutSecretValue", new { SecretId = secretId, SecretString = value, ClientRequestToken = NewToken(), VersionStages = stages }))
            .GetProperty("VersionId").GetString()!;

    public void SignCorrectly(HttpRequestMessage request, byte[] body) =>
        SigV4Signer.Sign(request, body, server.AccessKeyId, server.SecretAccessKey, server.Region, "secretsmanager", DateTimeOffset.UtcNow);
}

/// <summary>An AWS error reply as a client sees it.</summary>
internal sealed record AwsError(HttpStatusCode Status, string Code, string Message, string? RequestId)
{
    public static async Task<AwsError> ReadAsync(HttpResponseMessage response)
    {
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var message = body.TryGetProperty("Message", out var upper) ? upper.GetString()
            : body.TryGetProperty("message", out var lower) ? lower.GetString() : null;
        response.Headers.TryGetValues("x-amzn-RequestId", out var ids);
        return new AwsError(response.StatusCode, body.GetProperty("__type").GetString()!, message ?? string.Empty, ids is null ? null : string.Join(",", ids));
    }
}
