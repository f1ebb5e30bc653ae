using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Api;

/// <summary>The awsJson1_1 envelope: headers, timestamps, error bodies, and SigV4 refusals.</summary>
public sealed class WireProtocolTests
{
    [Fact]
    public async Task Replies_carry_a_request_id_the_json_content_type_and_epoch_second_timestamps()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        await client.CreateSecretAsync("wire/one", "v");

        using var ok = await client.SendAsync("DescribeSecret", """{"SecretId":"wire/one"}""");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("application/x-amz-json-1.1", ok.Content.Headers.ContentType!.MediaType);
        Assert.True(Guid.TryParse(ok.Headers.GetValues("x-amzn-RequestId").Single(), out _));
        var body = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Number, body.GetProperty("CreatedDate").ValueKind);
        Assert.Equal(TestSandbox.Start.ToUnixTimeSeconds(), body.GetProperty("CreatedDate").GetDecimal());

        using var missing = await client.SendAsync("DescribeSecret", """{"SecretId":"wire/none"}""");
        var error = await AwsError.ReadAsync(missing);
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("ResourceNotFoundException", error.Code);
        Assert.Equal("Secrets Manager can't find the specified secret.", error.Message);
        Assert.NotNull(error.RequestId);
    }

    [Fact]
    public async Task Calls_without_a_valid_signature_are_refused_before_any_operation_runs()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        const string create = """{"Name":"wire/unsigned","SecretString":"v","ClientRequestToken":"00000000-0000-4000-8000-000000000001"}""";

        var unsigned = await AwsError.ReadAsync(await client.SendAsync("CreateSecret", create, (_, _) => { }));
        Assert.Equal(("MissingAuthenticationTokenException", "Missing Authentication Token"), (unsigned.Code, unsigned.Message));

        var expired = await AwsError.ReadAsync(await client.SendAsync("CreateSecret", create, (request, body) =>
            SigV4Signer.Sign(request, body, sandbox.AccessKeyId, sandbox.SecretAccessKey, sandbox.Region, "secretsmanager", DateTimeOffset.UtcNow.AddMinutes(-20))));
        Assert.Equal("InvalidSignatureException", expired.Code);
        Assert.StartsWith("Signature expired: ", expired.Message, StringComparison.Ordinal);

        var otherRegion = await AwsError.ReadAsync(await client.SendAsync("CreateSecret", create, (request, body) =>
            SigV4Signer.Sign(request, body, sandbox.AccessKeyId, sandbox.SecretAccessKey, "eu-west-1", "secretsmanager", DateTimeOffset.UtcNow)));
        Assert.Equal("InvalidSignatureException", otherRegion.Code);
        Assert.Contains("Credential should be scoped to a valid region", otherRegion.Message, StringComparison.Ordinal);

        var tampered = await AwsError.ReadAsync(await client.SendAsync("CreateSecret", create, (request, body) =>
        {
            client.SignCorrectly(request, body);
            request.Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(create.Replace("\"v\"", "\"w\"", StringComparison.Ordinal)));
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/x-amz-json-1.1");
        }));
        Assert.Equal("InvalidSignatureException", tampered.Code);
        Assert.Contains("The Canonical String for this request should have been", tampered.Message, StringComparison.Ordinal);

        Assert.Empty(sandbox.SecretsManager.Secrets);
    }

    [Fact]
    public async Task Malformed_input_gets_the_request_layer_errors()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);

        Assert.Equal("UnknownOperationException", (await AwsError.ReadAsync(await client.SendAsync("DescribeSecrets", "{}"))).Code);
        Assert.Equal("SerializationException", (await AwsError.ReadAsync(await client.SendAsync("DescribeSecret", "{not json"))).Code);
        Assert.Equal("SerializationException", (await AwsError.ReadAsync(await client.SendAsync("DescribeSecret", """{"SecretId":42}"""))).Code);

        var nullId = await client.FailAsync("DescribeSecret", new { });
        Assert.Equal("ValidationException", nullId.Code);
        Assert.Equal("1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null", nullId.Message);

        var shortToken = await client.FailAsync("CreateSecret", new { Name = "wire/x", SecretString = "v", ClientRequestToken = "too-short" });
        Assert.Equal("ValidationException", shortToken.Code);
        Assert.Contains("at 'clientRequestToken' failed to satisfy constraint: Member must have length greater than or equal to 32", shortToken.Message, StringComparison.Ordinal);

        Assert.Equal("ValidationException", (await client.FailAsync("ListSecrets", new { MaxResults = 101 })).Code);
        Assert.Equal("ValidationException", (await client.FailAsync("GetRandomPassword", new { PasswordLength = 4097 })).Code);
    }

    [Fact]
    public async Task Requests_that_name_no_known_protocol_get_a_404()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = new HttpClient();
        using var response = await http.GetAsync(sandbox.Endpoint);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(response.Headers.Contains("x-amzn-RequestId"));
    }
}
