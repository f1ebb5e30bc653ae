using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Aws.Http;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Security;
using RotationOps.Engine.Tests.Support;

namespace RotationOps.Engine.Tests.Aws;

public sealed class SigV4SigningTests
{
    // The credentials, region, service and time of AWS's SigV4 test suite (aws-sig-v4-test-suite).
    private const string SuiteKeyId = "AKIDEXAMPLE";
    private const string SuiteSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string SuiteDate = "20150830T123600Z";
    private static readonly DateTime SuiteTime = new DateTime(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    [Theory]
    [InlineData("GET", "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("POST", "", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
    [InlineData("GET", "Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")]
    public void The_reference_verifier_reproduces_the_published_AWS_test_vectors(string method, string query, string expected)
    {
        var headers = new Dictionary<string, string> { ["host"] = "example.amazonaws.com", ["x-amz-date"] = SuiteDate };
        string canonical = SigV4Reference.CanonicalRequest(method, "/", query, headers, new[] { "host", "x-amz-date" }, EmptyHash);

        Assert.Equal(expected, SigV4Reference.Signature(SuiteSecret, SuiteDate, "us-east-1", "service", canonical));
    }

    [Theory]
    [InlineData("GET", "https://example.amazonaws.com/", "")]
    [InlineData("POST", "https://example.amazonaws.com/", "{\"SecretId\":\"prod/orders/db\"}")]
    [InlineData("GET", "https://example.amazonaws.com/2015-03-31/functions/orders-api/aliases?Marker=a%2Fb&MaxItems=50", "")]
    [InlineData("POST", "http://127.0.0.1:4566/", "{}")]
    public async Task The_signer_produces_signatures_the_reference_accepts(string method, string url, string body)
    {
        var signer = new AwsRequestSigner(Keys(SuiteKeyId, SuiteSecret, null), "us-east-1", "service");
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-amz-json-1.1", ["X-Amz-Target"] = "secretsmanager.GetSecretValue" };
        byte[] bytes = Encoding.UTF8.GetBytes(body);

        IDictionary<string, string> signature = await signer.SignAsync(new HttpMethod(method), new Uri(url), headers,
            new ArraySegment<byte>(bytes), SuiteTime);

        CapturedRequest received = Received(method, url, headers, signature, bytes);
        Assert.Null(SigV4Reference.Verify(received, SuiteSecret, out SigV4Scope? scope));
        Assert.Equal(new SigV4Scope(SuiteKeyId, "us-east-1", "service"), scope);
        Assert.Equal(SuiteDate, signature["X-Amz-Date"]);
        Assert.Contains("SignedHeaders=content-type;host;", signature["Authorization"]);
    }

    [Fact]
    public async Task A_session_token_is_sent_and_covered_by_the_signature()
    {
        var signer = new AwsRequestSigner(Keys("ASIAEXAMPLE123456", SuiteSecret, "session-token-value"), "eu-west-1", "secretsmanager");
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-amz-json-1.1" };
        byte[] bytes = Encoding.UTF8.GetBytes("{}");

        IDictionary<string, string> signature = await signer.SignAsync(HttpMethod.Post, new Uri("https://secretsmanager.eu-west-1.amazonaws.com/"),
            headers, new ArraySegment<byte>(bytes), SuiteTime);

        Assert.Equal("session-token-value", signature["X-Amz-Security-Token"]);
        Assert.Contains("x-amz-security-token", signature["Authorization"]);
        Assert.Null(SigV4Reference.Verify(Received("POST", "https://secretsmanager.eu-west-1.amazonaws.com/", headers, signature, bytes), SuiteSecret, out _));
    }

    [Fact]
    public async Task Requests_sent_over_a_real_socket_verify_like_AWS_would_verify_them()
    {
        var failures = new List<string>();
        SigV4Scope? seenScope = null;
        using var server = new LoopbackServer(request =>
        {
            string? problem = SigV4Reference.Verify(request, TestClients.SecretAccessKey, out seenScope);
            if (problem != null) failures.Add(problem);
            return problem is null
                ? new LoopbackAnswer(200, "{\"ARN\":\"arn:aws:secretsmanager:eu-west-1:1:secret:x\",\"Name\":\"x\",\"VersionId\":\"v1\"}")
                : new LoopbackAnswer(403, "{\"__type\":\"InvalidSignatureException\",\"message\":\"" + problem + "\"}");
        });
        using var http = new HttpClient();
        SecretsManagerClient client = SecretsManagerClient.Create(
            TestClients.Options(o => { o.EndpointUrl = server.Url; o.SessionToken = "token-1"; }),
            new FakeTimeProvider(), null, http, new Random(1));

        SecretVersionRef result = await client.PutSecretValueAsync(new PutSecretValueRequest
        {
            SecretId = "prod/orders/db",
            ClientRequestToken = new string('a', 32),
            Value = SensitiveValue.FromString("{\"password\":\"p\u00e4ss \\\"quoted\\\"\"}"),
        }, CancellationToken.None);

        Assert.Empty(failures);
        Assert.Equal("v1", result.VersionId);
        // The scope names the service and the configured region, not anything from the local URL.
        Assert.Equal(new SigV4Scope(TestClients.AccessKeyId, "eu-west-1", "secretsmanager"), seenScope);
    }

    private static ResolvedCredentials Keys(string id, string secret, string? token) =>
        new ResolvedCredentials(token is null ? new BasicAWSCredentials(id, secret) : new SessionAWSCredentials(id, secret, token),
            "test keys", "Credential");

    private static CapturedRequest Received(string method, string url, IDictionary<string, string> headers,
        IDictionary<string, string> signature, byte[] body)
    {
        var uri = new Uri(url);
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = uri.IsDefaultPort ? uri.Host : uri.Authority,
        };
        foreach (var header in headers) all[header.Key] = header.Value;
        foreach (var header in signature) all[header.Key] = header.Value;
        return new CapturedRequest(new HttpMethod(method), uri, all, body);
    }
}
