using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Lambda;
using RotationOps.Engine.Tests.Support;

namespace RotationOps.Engine.Tests.Lambda;

public sealed class LambdaResponseTests
{
    [Fact]
    public async Task A_configuration_is_read_with_its_state_update_status_environment_and_dead_letter_target()
    {
        var handler = new StubHttpHandler(Answer.Ok("{\"FunctionName\":\"orders-api\",\"FunctionArn\":\"" + LambdaTestClient.FunctionArn + ":7\"," +
            "\"Runtime\":\"dotnet8\",\"Role\":\"arn:aws:iam::123456789012:role/orders\",\"Handler\":\"Orders::Api::Handle\",\"Description\":\"\"," +
            "\"Timeout\":30,\"MemorySize\":512,\"LastModified\":\"2019-08-14T22:26:11.234+0000\",\"CodeSha256\":\"YFgDgEKG3ugvF1+pX64gV6tu9qNuIYNUdgJm8nCxsm4=\"," +
            "\"Version\":\"7\",\"Environment\":{\"Variables\":{\"DB_HOST\":\"db.internal\",\"EMPTY\":\"\"}},\"RevisionId\":\"a1b2\"," +
            "\"State\":\"Pending\",\"StateReason\":\"The function is being created.\",\"StateReasonCode\":\"Creating\"," +
            "\"LastUpdateStatus\":\"InProgress\",\"LastUpdateStatusReason\":\"The function is being updated.\",\"LastUpdateStatusReasonCode\":\"Updating\"," +
            "\"DeadLetterConfig\":{\"TargetArn\":\"arn:aws:sqs:eu-west-1:123456789012:dlq\"},\"TracingConfig\":{\"Mode\":\"PassThrough\"},\"Layers\":[{\"Arn\":\"x\"}]}"));

        FunctionConfiguration f = await LambdaTestClient.Create(handler).GetFunctionConfigurationAsync("orders-api", "7", CancellationToken.None);

        Assert.Equal("orders-api", f.FunctionName);
        Assert.Equal(LambdaTestClient.FunctionArn + ":7", f.FunctionArn);
        Assert.Equal("dotnet8", f.Runtime);
        Assert.Equal("Orders::Api::Handle", f.Handler);
        Assert.Equal(30, f.Timeout);
        Assert.Equal(512, f.MemorySize);
        Assert.Equal("2019-08-14T22:26:11.234+0000", f.LastModified);
        Assert.Equal("7", f.Version);
        Assert.Equal("db.internal", f.Environment["DB_HOST"]);
        Assert.Equal("", f.Environment["EMPTY"]);
        Assert.Equal("a1b2", f.RevisionId);
        Assert.Equal("Pending", f.State);
        Assert.Equal("Creating", f.StateReasonCode);
        Assert.Equal("InProgress", f.LastUpdateStatus);
        Assert.Equal("Updating", f.LastUpdateStatusReasonCode);
        Assert.Equal("arn:aws:sqs:eu-west-1:123456789012:dlq", f.DeadLetterTargetArn);
    }

    [Fact]
    public async Task GetFunction_reads_the_configuration_out_of_the_answer_and_an_answer_without_one_is_malformed()
    {
        var handler = new StubHttpHandler(
            Answer.Ok("{\"Code\":{\"RepositoryType\":\"S3\"},\"Configuration\":{\"FunctionName\":\"orders-api\",\"Version\":\"7\"," +
                "\"State\":\"Inactive\",\"StateReasonCode\":\"Idle\",\"LastUpdateStatus\":\"Successful\"},\"Tags\":{\"team\":\"orders\"}}"),
            Answer.Ok("{\"Code\":{\"RepositoryType\":\"S3\"}}"));
        var client = LambdaTestClient.Create(handler);

        FunctionConfiguration f = await client.GetFunctionAsync("orders-api", "7", CancellationToken.None);
        var malformed = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetFunctionAsync("orders-api", "7", CancellationToken.None));

        Assert.Equal("7", f.Version);
        Assert.Equal("Inactive", f.State);
        Assert.Equal("Idle", f.StateReasonCode);
        Assert.Equal("Successful", f.LastUpdateStatus);
        Assert.Equal("MalformedResponse", malformed.ErrorCode);
    }

    [Fact]
    public async Task PublishVersion_reads_the_201_answer_as_the_new_version()
    {
        var handler = new StubHttpHandler(Answer.Json(HttpStatusCode.Created, LambdaTestClient.Configuration("8", "rev-8")));

        FunctionConfiguration published = await LambdaTestClient.Create(handler)
            .PublishVersionAsync(new PublishVersionRequest { FunctionName = "orders-api" }, CancellationToken.None);

        Assert.Equal("8", published.Version);
        Assert.Equal("rev-8", published.RevisionId);
        Assert.Equal("{}", handler.Requests[0].BodyText);
    }

    [Fact]
    public async Task A_function_error_keeps_status_200_and_is_reported_with_the_executed_version_and_log_tail()
    {
        const string log = "START RequestId: 1\nSystem.Exception: boom\nEND RequestId: 1\n";
        const string errorPayload = "{\"errorType\":\"Exception\",\"errorMessage\":\"boom\"}";
        var handler = new StubHttpHandler(Answer.Json(HttpStatusCode.OK, errorPayload,
            ("X-Amz-Executed-Version", "7"), ("X-Amz-Function-Error", "Unhandled"),
            ("X-Amz-Log-Result", Convert.ToBase64String(Encoding.UTF8.GetBytes(log)))));

        InvocationResult result = await LambdaTestClient.Create(handler).InvokeAsync(
            new InvokeRequest { FunctionName = "orders-api", Qualifier = "live", TailLog = true }, CancellationToken.None);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("7", result.ExecutedVersion);
        Assert.Equal(log, result.LogResult);
        Assert.Equal(errorPayload, Encoding.UTF8.GetString(result.Payload));
    }

    [Fact]
    public async Task A_successful_invocation_has_no_function_error_and_no_log_unless_asked()
    {
        var handler = new StubHttpHandler(Answer.Json(HttpStatusCode.OK, "\"ok\"", ("X-Amz-Executed-Version", "6")));

        InvocationResult result = await LambdaTestClient.Create(handler).InvokeAsync(
            new InvokeRequest { FunctionName = "orders-api", Qualifier = "live" }, CancellationToken.None);

        Assert.Null(result.FunctionError);
        Assert.Null(result.LogResult);
        Assert.Equal("6", result.ExecutedVersion);
        Assert.Equal("\"ok\"", Encoding.UTF8.GetString(result.Payload));
        Assert.Equal("", handler.Requests[0].Header("X-Amz-Log-Type"));
    }

    [Theory]
    [InlineData("Event", HttpStatusCode.Accepted)]
    [InlineData("DryRun", HttpStatusCode.NoContent)]
    public async Task Event_and_dry_run_invocations_return_their_status_and_an_empty_payload(string type, HttpStatusCode status)
    {
        var handler = new StubHttpHandler(Answer.Json(status, ""));

        InvocationResult result = await LambdaTestClient.Create(handler).InvokeAsync(
            new InvokeRequest { FunctionName = "orders-api", InvocationType = type }, CancellationToken.None);

        Assert.Equal((int)status, result.StatusCode);
        Assert.Empty(result.Payload);
        Assert.Equal(type, handler.Requests[0].Header("X-Amz-Invocation-Type"));
        Assert.Equal("/2015-03-31/functions/orders-api/invocations", handler.Requests[0].Uri.PathAndQuery);
    }

    [Fact]
    public async Task GetPolicy_returns_the_policy_document_as_text()
    {
        const string document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"sm\",\"Effect\":\"Allow\"}]}";
        var handler = new StubHttpHandler(Answer.Ok("{\"Policy\":" + System.Text.Json.JsonSerializer.Serialize(document) + ",\"RevisionId\":\"p-rev\"}"));

        FunctionPolicy policy = await LambdaTestClient.Create(handler).GetPolicyAsync("rotator", null, CancellationToken.None);

        Assert.Equal(document, policy.Policy);
        Assert.Equal("p-rev", policy.RevisionId);
        Assert.Equal("/2015-03-31/functions/rotator/policy", handler.Requests[0].Uri.PathAndQuery);
    }

    [Fact]
    public async Task An_answer_that_is_not_Lambda_JSON_is_a_malformed_response_without_the_body()
    {
        var handler = new StubHttpHandler(Answer.Ok("{\"FunctionName\":\"f\",\"Environment\":{\"Variables\":{\"TOKEN\":\"tok-123456\"}},\"Timeout\":\"x\""));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            LambdaTestClient.Create(handler).GetFunctionConfigurationAsync("f", null, CancellationToken.None));

        Assert.Equal("MalformedResponse", error.ErrorCode);
        Assert.Equal("lambda GetFunctionConfiguration failed: MalformedResponse: the answer is not the JSON Lambda sends; check that the endpoint is Lambda",
            error.Message);
        Assert.DoesNotContain("tok-123456", error.ToString());
    }

    [Fact]
    public void Create_reports_the_resolved_connection_redacted()
    {
        var verbose = new System.Collections.Concurrent.ConcurrentQueue<string>();

        LambdaTestClient.Create(new StubHttpHandler(Answer.Ok("{}")), verbose);

        Assert.Equal("Lambda: https://lambda.test/ (-EndpointUrl); region eu-west-1 (-Region), credentials: access key AKIA...PLE from -Credential",
            verbose.Single());
    }
}
