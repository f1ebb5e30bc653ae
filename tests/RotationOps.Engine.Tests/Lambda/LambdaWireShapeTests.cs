using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Lambda;
using RotationOps.Engine.Tests.Support;

namespace RotationOps.Engine.Tests.Lambda;

/// <summary>
/// Each operation over a real socket: method, path (names and ARNs escaped as one segment), query,
/// headers and body as AWS receives them, and a SigV4 signature AWS would accept for "lambda".
/// </summary>
public sealed class LambdaWireShapeTests
{
    private const string EscapedArn = "arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Aorders-api";
    private const string Functions = "/2015-03-31/functions/";

    private static readonly Dictionary<string, Case> Cases = new Dictionary<string, Case>
    {
        ["GetFunctionConfiguration"] = new Case(
            c => c.GetFunctionConfigurationAsync("orders-api", "$LATEST", CancellationToken.None),
            "GET", Functions + "orders-api/configuration?Qualifier=%24LATEST", null, 200, LambdaTestClient.Configuration()),
        ["GetFunction"] = new Case(
            c => c.GetFunctionAsync(LambdaTestClient.FunctionArn, "7", CancellationToken.None),
            "GET", Functions + EscapedArn + "?Qualifier=7", null, 200,
            "{\"Configuration\":" + LambdaTestClient.Configuration("7") + ",\"Code\":{\"RepositoryType\":\"S3\",\"Location\":\"https://x\"}}"),
        ["UpdateFunctionConfiguration"] = new Case(
            c => c.UpdateFunctionConfigurationAsync(new UpdateFunctionConfigurationRequest
            {
                FunctionName = LambdaTestClient.FunctionArn, RevisionId = "rev-1", Runtime = "dotnet8", Description = "d",
                Environment = new Dictionary<string, string> { ["DB_HOST"] = "db.internal", ["DB_PASSWORD"] = "s3cr3t" },
            }, CancellationToken.None),
            "PUT", Functions + EscapedArn + "/configuration",
            "{\"RevisionId\":\"rev-1\",\"Runtime\":\"dotnet8\",\"Description\":\"d\",\"Environment\":{\"Variables\":{\"DB_HOST\":\"db.internal\",\"DB_PASSWORD\":\"s3cr3t\"}}}",
            200, LambdaTestClient.Configuration()),
        ["UpdateFunctionCode"] = new Case(
            c => c.UpdateFunctionCodeAsync(new UpdateFunctionCodeRequest
            {
                FunctionName = "orders-api", RevisionId = "rev-2", ZipFile = new byte[] { 0x50, 0x4B, 0x03, 0x04 },
            }, CancellationToken.None),
            "PUT", Functions + "orders-api/code", "{\"ZipFile\":\"UEsDBA==\",\"RevisionId\":\"rev-2\"}", 200, LambdaTestClient.Configuration()),
        ["PublishVersion"] = new Case(
            c => c.PublishVersionAsync(new PublishVersionRequest
            {
                FunctionName = "orders-api", CodeSha256 = "abc=", Description = "release 7", RevisionId = "rev-3",
            }, CancellationToken.None),
            "POST", Functions + "orders-api/versions", "{\"CodeSha256\":\"abc=\",\"Description\":\"release 7\",\"RevisionId\":\"rev-3\"}",
            201, LambdaTestClient.Configuration("7")),
        ["GetAlias"] = new Case(
            c => c.GetAliasAsync("orders-api", "live", CancellationToken.None),
            "GET", Functions + "orders-api/aliases/live", null, 200, LambdaTestClient.Alias("live", "6")),
        ["UpdateAlias"] = new Case(
            c => c.UpdateAliasAsync(new UpdateAliasRequest { FunctionName = "orders-api", Name = "live", FunctionVersion = "7", RevisionId = "alias-rev" },
                CancellationToken.None),
            "PUT", Functions + "orders-api/aliases/live", "{\"FunctionVersion\":\"7\",\"RevisionId\":\"alias-rev\"}", 200, LambdaTestClient.Alias("live", "7")),
        ["Invoke"] = new Case(
            c => c.InvokeAsync(new InvokeRequest
            {
                FunctionName = "orders-api", Qualifier = "live", Payload = Encoding.UTF8.GetBytes("{\"ping\":true}"), TailLog = true,
            }, CancellationToken.None),
            "POST", Functions + "orders-api/invocations?Qualifier=live", "{\"ping\":true}", 200, "{\"pong\":true}",
            ("X-Amz-Invocation-Type", "RequestResponse"), ("X-Amz-Log-Type", "Tail")),
        ["GetPolicy"] = new Case(
            c => c.GetPolicyAsync("orders-api", "7", CancellationToken.None),
            "GET", Functions + "orders-api/policy?Qualifier=7", null, 200, "{\"Policy\":\"{}\",\"RevisionId\":\"p1\"}"),
        ["ListFunctions"] = new Case(
            c => c.ListFunctionsAsync(50, CancellationToken.None),
            "GET", Functions + "?MaxItems=50", null, 200, "{\"Functions\":[]}"),
        ["ListAliases"] = new Case(
            c => c.ListAliasesAsync(LambdaTestClient.FunctionArn, 100, CancellationToken.None),
            "GET", Functions + EscapedArn + "/aliases?MaxItems=100", null, 200, "{\"Aliases\":[]}"),
        ["ListVersionsByFunction"] = new Case(
            c => c.ListVersionsByFunctionAsync("orders-api", 100, CancellationToken.None),
            "GET", Functions + "orders-api/versions?MaxItems=100", null, 200, "{\"Versions\":[]}"),
    };

    public static IEnumerable<object[]> Operations => Cases.Keys.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Each_operation_sends_its_restJson1_request_signed_for_lambda(string operation)
    {
        Case expected = Cases[operation];
        CapturedRequest? sent = null;
        string? signatureProblem = null;
        SigV4Scope? scope = null;
        using var server = new LoopbackServer(request =>
        {
            sent = request;
            signatureProblem = SigV4Reference.Verify(request, TestClients.SecretAccessKey, out scope);
            return new LoopbackAnswer(expected.Status, expected.Answer);
        });
        using var http = new HttpClient();

        await expected.Run(LambdaTestClient.Create(server, http));

        Assert.NotNull(sent);
        Assert.Null(signatureProblem);
        Assert.Equal(new SigV4Scope(TestClients.AccessKeyId, "eu-west-1", "lambda"), scope);
        Assert.Equal(expected.Method, sent!.Method.Method);
        Assert.Equal(expected.PathAndQuery, sent.Uri.PathAndQuery);
        if (expected.Body is null)
        {
            Assert.Empty(sent.Body);
            Assert.Equal("", sent.Header("Content-Type"));
        }
        else
        {
            Assert.Equal(expected.Body, sent.BodyText);
            Assert.Equal("application/json", sent.Header("Content-Type"));
        }
        foreach (var (name, value) in expected.Headers) Assert.Equal(value, sent.Header(name));
    }

    [Fact]
    public async Task Names_with_colons_slashes_and_spaces_stay_one_path_segment()
    {
        string? pathAndQuery = null;
        string? signatureProblem = null;
        using var server = new LoopbackServer(request =>
        {
            pathAndQuery = request.Uri.PathAndQuery;
            signatureProblem = SigV4Reference.Verify(request, TestClients.SecretAccessKey, out _);
            return new LoopbackAnswer(200, LambdaTestClient.Alias("a b", "1"));
        });
        using var http = new HttpClient();

        await LambdaTestClient.Create(server, http).GetAliasAsync("123456789012:function:orders/api", "a b", CancellationToken.None);

        Assert.Null(signatureProblem);
        Assert.Equal(Functions + "123456789012%3Afunction%3Aorders%2Fapi/aliases/a%20b", pathAndQuery);
    }

    [Fact]
    public async Task An_empty_function_name_is_refused_before_anything_is_sent()
    {
        var handler = new StubHttpHandler(Answer.Ok("{}"));

        await Assert.ThrowsAsync<ArgumentException>(() =>
            LambdaTestClient.Create(handler).GetFunctionConfigurationAsync("", null, CancellationToken.None));

        Assert.Empty(handler.Requests);
    }

    private sealed class Case
    {
        public Case(Func<LambdaClient, Task> run, string method, string pathAndQuery, string? body, int status, string answer,
            params (string Name, string Value)[] headers)
        {
            Run = run;
            Method = method;
            PathAndQuery = pathAndQuery;
            Body = body;
            Status = status;
            Answer = answer;
            Headers = headers;
        }

        public Func<LambdaClient, Task> Run { get; }
        public string Method { get; }
        public string PathAndQuery { get; }
        public string? Body { get; }
        public int Status { get; }
        public string Answer { get; }
        public (string Name, string Value)[] Headers { get; }
    }
}
