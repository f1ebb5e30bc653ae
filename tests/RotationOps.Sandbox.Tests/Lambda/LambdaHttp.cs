using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Lambda;

/// <summary>
/// A bare restJson1 Lambda client for the C# tests: signed calls to <c>/2015-03-31/functions...</c>,
/// raw replies. Request members are written exactly as named in the anonymous objects the tests pass.
/// </summary>
internal sealed class LambdaHttp(SandboxServer server)
{
    private const string Functions = "2015-03-31/functions";
    private static readonly HttpClient Http = new();
    private static readonly JsonSerializerOptions RequestJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, IDictionary<string, string>? headers = null,
        string? rawBody = null)
    {
        var bytes = rawBody is not null ? Encoding.UTF8.GetBytes(rawBody)
            : body is not null ? JsonSerializer.SerializeToUtf8Bytes(body, RequestJson)
            : [];
        var request = new HttpRequestMessage(method, new Uri(server.Endpoint, $"{Functions}{path}"));
        if (body is not null || rawBody is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        SigV4Signer.Sign(request, bytes, server.AccessKeyId, server.SecretAccessKey, server.Region, "lambda", DateTimeOffset.UtcNow);
        return await Http.SendAsync(request);
    }

    /// <summary>Calls and asserts the status; returns the JSON reply (default when it has no body).</summary>
    public async Task<JsonElement> CallAsync(HttpMethod method, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await SendAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path} answered {(int)response.StatusCode} instead of {(int)expected}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<LambdaError> FailAsync(HttpMethod method, string path, object? body = null)
    {
        using var response = await SendAsync(method, path, body);
        Assert.False(response.IsSuccessStatusCode, $"{method} {path} should have failed but answered {(int)response.StatusCode}.");
        return await LambdaError.ReadAsync(response);
    }

    public Task<JsonElement> CreateFunctionAsync(string name, string role = LambdaSandbox.Role, string runtime = "python3.12",
        IDictionary<string, string>? environment = null) =>
        CallAsync(HttpMethod.Post, string.Empty, new
        {
            FunctionName = name,
            Runtime = runtime,
            Role = role,
            Handler = "lambda_function.lambda_handler",
            Code = new { ZipFile = Convert.ToBase64String(LambdaSandbox.Zip()) },
            Environment = environment is null ? null : new { Variables = environment },
        }, HttpStatusCode.Created);

    public Task<JsonElement> UpdateConfigurationAsync(string name, object changes) =>
        CallAsync(HttpMethod.Put, $"/{name}/configuration", changes);

    public async Task<string> PublishAsync(string name, string? description = null) =>
        (await CallAsync(HttpMethod.Post, $"/{name}/versions", new { Description = description }, HttpStatusCode.Created))
            .GetProperty("Version").GetString()!;

    public Task<JsonElement> CreateAliasAsync(string name, string alias, string version, IDictionary<string, double>? weights = null) =>
        CallAsync(HttpMethod.Post, $"/{name}/aliases",
            new { Name = alias, FunctionVersion = version, RoutingConfig = weights is null ? null : new { AdditionalVersionWeights = weights } },
            HttpStatusCode.Created);

    public async Task<Invocation> InvokeAsync(string nameOrArn, string? qualifier = null, string payload = "{}", IDictionary<string, string>? headers = null)
    {
        var query = qualifier is null ? string.Empty : $"?Qualifier={Uri.EscapeDataString(qualifier)}";
        using var response = await SendAsync(HttpMethod.Post, $"/{Uri.EscapeDataString(nameOrArn)}/invocations{query}", headers: headers, rawBody: payload);
        return new Invocation(
            response.StatusCode,
            Header(response, "X-Amz-Executed-Version"),
            Header(response, "X-Amz-Function-Error"),
            Header(response, "X-Amz-Log-Result"),
            await response.Content.ReadAsStringAsync());
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
}

/// <summary>An Invoke reply: status, the headers Lambda puts results in, and the payload.</summary>
internal sealed record Invocation(HttpStatusCode Status, string? ExecutedVersion, string? FunctionError, string? LogResult, string Payload);

/// <summary>A restJson error as a client sees it: status, x-amzn-ErrorType, and the body (message spelled either way).</summary>
internal sealed record LambdaError(HttpStatusCode Status, string Code, string Message, JsonElement Body, HttpResponseMessage Response)
{
    public static async Task<LambdaError> ReadAsync(HttpResponseMessage response)
    {
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        var message = body.TryGetProperty("message", out var lower) ? lower.GetString()
            : body.TryGetProperty("Message", out var upper) ? upper.GetString() : null;
        var code = response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.Single() : string.Empty;
        return new LambdaError(response.StatusCode, code, message ?? string.Empty, body, response);
    }
}
