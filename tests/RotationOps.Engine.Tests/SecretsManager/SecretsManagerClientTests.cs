using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Security;
using RotationOps.Engine.Tests.Support;

namespace RotationOps.Engine.Tests.SecretsManager;

public sealed class SecretsManagerClientTests
{
    private const string Arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/orders/db-AbCdEf";
    private const string SecretText = "{\"username\":\"orders\",\"password\":\"p\u00e4ss \\\"q\\\" \\\\ \n\t\u0001 \ud83d\udd11\"}";

    [Fact]
    public async Task Requests_use_the_awsJson_1_1_wire_shape()
    {
        var handler = new StubHttpHandler(Answer.Ok("{\"ARN\":\"" + Arn + "\",\"Name\":\"prod/orders/db\",\"VersionId\":\"v2\",\"SecretString\":\"x\"}"));

        using SecretValue value = await TestClients.SecretsManager(handler)
            .GetSecretValueAsync("prod/orders/db", null, SecretStages.Previous, CancellationToken.None);

        CapturedRequest sent = Assert.Single(handler.Requests);
        Assert.Equal("POST", sent.Method.Method);
        Assert.Equal("/", sent.Uri.AbsolutePath);
        Assert.Equal("secretsmanager.GetSecretValue", sent.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", sent.Header("Content-Type"));
        Assert.Equal("{\"SecretId\":\"prod/orders/db\",\"VersionStage\":\"AWSPREVIOUS\"}", sent.BodyText);
    }

    [Fact]
    public async Task A_text_secret_survives_the_round_trip_byte_for_byte()
    {
        using var original = SensitiveValue.FromString(SecretText);
        string? stored = null;
        var handler = new StubHttpHandler(
            (request, token) =>
            {
                using JsonDocument put = JsonDocument.Parse(request.Body);
                stored = put.RootElement.GetProperty("SecretString").GetString();
                return Answer.Ok("{\"ARN\":\"" + Arn + "\",\"Name\":\"prod/orders/db\",\"VersionId\":\"v3\"}")(request, token);
            },
            (request, token) => Answer.Ok(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["ARN"] = Arn, ["Name"] = "prod/orders/db", ["VersionId"] = "v3", ["SecretString"] = stored!,
                ["VersionStages"] = new[] { "AWSCURRENT" }, ["CreatedDate"] = 1.523477145713E9,
            }))(request, token));
        var client = TestClients.SecretsManager(handler);

        await client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = "prod/orders/db", ClientRequestToken = Token('c'), Value = original },
            CancellationToken.None);
        using SecretValue read = await client.GetSecretValueAsync("prod/orders/db", null, null, CancellationToken.None);

        Assert.False(read.Value.IsBinary);
        Assert.Equal(SecretText, read.Value.Reveal());
        Assert.Equal(new[] { "AWSCURRENT" }, read.VersionStages);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1523477145713), read.CreatedDate);
        Assert.Contains("\"SecretString\":", handler.Requests[0].BodyText);
        Assert.DoesNotContain("SecretBinary", handler.Requests[0].BodyText);
    }

    [Fact]
    public async Task A_binary_secret_travels_as_base64_and_comes_back_binary()
    {
        byte[] bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var handler = new StubHttpHandler(
            Answer.Ok("{\"ARN\":\"" + Arn + "\",\"Name\":\"n\",\"VersionId\":\"v1\",\"VersionStages\":[\"AWSCURRENT\"]}"),
            Answer.Ok("{\"ARN\":\"" + Arn + "\",\"Name\":\"n\",\"VersionId\":\"v1\",\"SecretBinary\":\"" + Convert.ToBase64String(bytes) + "\"}"));
        var client = TestClients.SecretsManager(handler);

        SecretVersionRef put = await client.PutSecretValueAsync(new PutSecretValueRequest
        {
            SecretId = "n", ClientRequestToken = Token('b'), Value = SensitiveValue.FromBinary(bytes), VersionStages = new[] { "AWSPENDING" },
        }, CancellationToken.None);
        using SecretValue read = await client.GetSecretValueAsync("n", "v1", null, CancellationToken.None);

        using JsonDocument sent = JsonDocument.Parse(handler.Requests[0].Body);
        Assert.Equal(Convert.ToBase64String(bytes), sent.RootElement.GetProperty("SecretBinary").GetString());
        Assert.False(sent.RootElement.TryGetProperty("SecretString", out _));
        Assert.Equal("AWSPENDING", sent.RootElement.GetProperty("VersionStages")[0].GetString());
        Assert.Equal(new[] { "AWSCURRENT" }, put.VersionStages);
        Assert.True(read.Value.IsBinary);
        Assert.Equal(bytes, read.Value.Bytes);
    }

    [Fact]
    public async Task DescribeSecret_reads_rotation_settings_dates_labels_and_tags()
    {
        var handler = new StubHttpHandler(Answer.Ok("{\"ARN\":\"" + Arn + "\",\"Name\":\"prod/orders/db\",\"RotationEnabled\":true," +
            "\"RotationLambdaARN\":\"arn:aws:lambda:eu-west-1:1:function:rotate\",\"RotationRules\":{\"AutomaticallyAfterDays\":30,\"Duration\":\"2h\"}," +
            "\"LastRotatedDate\":1.7E9,\"LastChangedDate\":1700000100.25,\"NextRotationDate\":1702592000,\"Unknown\":{\"x\":[1,{}]}," +
            "\"VersionIdsToStages\":{\"v1\":[\"AWSPREVIOUS\"],\"v2\":[\"AWSCURRENT\",\"AWSPENDING\"]},\"Tags\":[{\"Key\":\"team\",\"Value\":\"orders\"}]}"));

        SecretDescription d = await TestClients.SecretsManager(handler).DescribeSecretAsync("prod/orders/db", CancellationToken.None);

        Assert.Equal(Arn, d.Arn);
        Assert.True(d.RotationEnabled);
        Assert.Equal("arn:aws:lambda:eu-west-1:1:function:rotate", d.RotationLambdaArn);
        Assert.Equal(30, d.RotationRules!.AutomaticallyAfterDays);
        Assert.Equal("2h", d.RotationRules.Duration);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000100250), d.LastChangedDate);
        Assert.Equal(new[] { "AWSCURRENT", "AWSPENDING" }, d.VersionIdsToStages["v2"]);
        Assert.Equal("orders", d.Tags["team"]);
        Assert.Null(d.CreatedDate);
    }

    [Fact]
    public async Task Rotation_was_never_configured_when_RotationEnabled_is_absent()
    {
        var handler = new StubHttpHandler(Answer.Ok("{\"ARN\":\"" + Arn + "\",\"Name\":\"n\"}"));

        SecretDescription d = await TestClients.SecretsManager(handler).DescribeSecretAsync("n", CancellationToken.None);

        Assert.Null(d.RotationEnabled);
        Assert.Empty(d.VersionIdsToStages);
    }

    [Fact]
    public async Task A_retried_create_keeps_one_generated_idempotency_token()
    {
        var handler = new StubHttpHandler(Answer.Error(HttpStatusCode.InternalServerError, "InternalServiceError", "oops"),
            Answer.Ok("{\"ARN\":\"" + Arn + "\",\"Name\":\"n\",\"VersionId\":\"v1\"}"));

        await TestClients.SecretsManager(handler).RotateSecretAsync(new RotateSecretRequest
        {
            SecretId = "n", RotationLambdaArn = "arn:fn", RotationRules = new RotationRules { ScheduleExpression = "rate(10 days)" }, RotateImmediately = false,
        }, CancellationToken.None);

        string[] tokens = handler.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("ClientRequestToken").GetString()!).ToArray();
        Assert.Equal(2, tokens.Length);
        Assert.Equal(tokens[0], tokens[1]);
        Assert.InRange(tokens[0].Length, 32, 64);
        Assert.EndsWith("\"RotationLambdaARN\":\"arn:fn\",\"RotationRules\":{\"ScheduleExpression\":\"rate(10 days)\"},\"RotateImmediately\":false}",
            handler.Requests[0].BodyText);
    }

    [Fact]
    public async Task A_secret_value_never_appears_in_errors_or_verbose_output()
    {
        const string secret = "hunter2-TOP-SECRET-value";
        var handler = new StubHttpHandler(Answer.Error(HttpStatusCode.BadRequest, "ValidationException", "1 validation error detected"));
        var verbose = new ConcurrentQueue<string>();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.SecretsManager(handler, verbose).PutSecretValueAsync(
            new PutSecretValueRequest { SecretId = "db", ClientRequestToken = Token('d'), Value = SensitiveValue.FromString(secret) },
            CancellationToken.None));

        Assert.Contains(secret, handler.Requests[0].BodyText);
        Assert.DoesNotContain(secret, error.ToString());
        Assert.DoesNotContain(verbose, line => line.Contains(secret) || line.Contains(TestClients.SecretAccessKey));
    }

    [Fact]
    public async Task A_malformed_answer_carrying_a_secret_is_reported_without_it()
    {
        const string secret = "s3cr3t-in-a-broken-answer";
        var handler = new StubHttpHandler(Answer.Ok("{\"ARN\":\"a\",\"SecretString\":\"" + secret + "\",\"VersionStages\":{oops"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            TestClients.SecretsManager(handler).GetSecretValueAsync("db", null, null, CancellationToken.None));

        Assert.Equal("MalformedResponse", error.ErrorCode);
        Assert.Null(error.InnerException);
        Assert.DoesNotContain(secret, error.ToString());
        Assert.DoesNotContain("oops", error.ToString());
    }

    [Fact]
    public async Task GetRandomPassword_returns_a_sensitive_value()
    {
        var handler = new StubHttpHandler(Answer.Ok("{\"RandomPassword\":\"Xy7\\\"pq\\\\9\"}"));

        using SensitiveValue password = await TestClients.SecretsManager(handler).GetRandomPasswordAsync(
            new RandomPasswordRequest { PasswordLength = 8, ExcludePunctuation = false, RequireEachIncludedType = true }, CancellationToken.None);

        Assert.Equal("Xy7\"pq\\9", password.Reveal());
        Assert.Equal(SensitiveValue.Redacted, password.ToString());
        Assert.Equal("{\"PasswordLength\":8,\"ExcludePunctuation\":false,\"RequireEachIncludedType\":true}", handler.Requests[0].BodyText);
    }

    [Fact]
    public async Task Stage_moves_send_both_version_ids()
    {
        var handler = new StubHttpHandler(Answer.Ok("{\"ARN\":\"" + Arn + "\",\"Name\":\"n\"}"));

        await TestClients.SecretsManager(handler).UpdateSecretVersionStageAsync(new UpdateSecretVersionStageRequest
        {
            SecretId = "n", VersionStage = SecretStages.Current, MoveToVersionId = "v1", RemoveFromVersionId = "v2",
        }, CancellationToken.None);

        Assert.Equal("secretsmanager.UpdateSecretVersionStage", handler.Requests[0].Header("X-Amz-Target"));
        Assert.Equal("{\"SecretId\":\"n\",\"VersionStage\":\"AWSCURRENT\",\"MoveToVersionId\":\"v1\",\"RemoveFromVersionId\":\"v2\"}",
            handler.Requests[0].BodyText);
    }

    [Fact]
    public void Create_reports_the_resolved_connection_redacted()
    {
        var verbose = new ConcurrentQueue<string>();

        TestClients.SecretsManager(new StubHttpHandler(Answer.Ok("{}")), verbose, change: o => o.SessionToken = "tok");

        string line = Assert.Single(verbose);
        Assert.Equal("Secrets Manager: https://secretsmanager.test/ (-EndpointUrl); region eu-west-1 (-Region), " +
            "credentials: access key AKIA...PLE from -Credential with a session token", line);
    }

    private static string Token(char c) => new string(c, 32);
}
