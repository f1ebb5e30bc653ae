using System;
using System.Collections.Concurrent;
using System.Net.Http;
using RotationOps.Engine.Lambda;
using RotationOps.Engine.Tests.Support;

namespace RotationOps.Engine.Tests.Lambda;

/// <summary>Lambda clients on the test transports, with the settings of <see cref="TestClients.Options"/>.</summary>
internal static class LambdaTestClient
{
    public const string FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:orders-api";

    public static LambdaClient Create(StubHttpHandler handler, ConcurrentQueue<string>? verbose = null, FakeTimeProvider? time = null) =>
        LambdaClient.Create(TestClients.Options(o => o.EndpointUrl = new Uri("https://lambda.test/")), time ?? new FakeTimeProvider(),
            verbose is null ? null : verbose.Enqueue, handler.CreateClient(), new Random(7));

    /// <summary>Over a real socket, so the test sees the bytes (path escaping included) that AWS would.</summary>
    public static LambdaClient Create(LoopbackServer server, HttpClient http) =>
        LambdaClient.Create(TestClients.Options(o => o.EndpointUrl = server.Url), new FakeTimeProvider(), null, http, new Random(7));

    /// <summary>A minimal configuration answer.</summary>
    public static string Configuration(string version = "$LATEST", string revisionId = "rev-1") =>
        "{\"FunctionName\":\"orders-api\",\"FunctionArn\":\"" + FunctionArn + (version == "$LATEST" ? "" : ":" + version) +
        "\",\"Version\":\"" + version + "\",\"RevisionId\":\"" + revisionId + "\"}";

    public static string Alias(string name, string version, string routing = "") =>
        "{\"AliasArn\":\"" + FunctionArn + ":" + name + "\",\"Name\":\"" + name + "\",\"FunctionVersion\":\"" + version + "\"" +
        routing + ",\"RevisionId\":\"alias-rev\"}";
}
