using System.Net;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Tests.Support;

namespace RotationOps.Engine.Tests.Aws;

public sealed class ErrorParsingTests
{
    [Theory]
    [InlineData("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}")]
    [InlineData("{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the specified secret.\"}")]
    [InlineData("{\"__type\":\"com.amazonaws.secretsmanager#ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}")]
    [InlineData("{\"code\":\"ResourceNotFoundException\",\"errorMessage\":\"Secrets Manager can't find the specified secret.\",\"extra\":{\"nested\":[1,2]}}")]
    public async Task Error_bodies_in_every_casing_give_the_code_message_status_and_request_id(string body)
    {
        var handler = new StubHttpHandler(Answer.Json(HttpStatusCode.BadRequest, body, ("x-amzn-RequestId", "b1c2-request")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            TestClients.SecretsManager(handler).GetSecretValueAsync("prod/db", null, null, CancellationToken.None));

        Assert.Equal("secretsmanager", error.Service);
        Assert.Equal("GetSecretValue", error.Operation);
        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Equal("Secrets Manager can't find the specified secret.", error.ServiceMessage);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("b1c2-request", error.RequestId);
        Assert.True(error.IsNotFound);
        Assert.Equal("secretsmanager GetSecretValue failed: ResourceNotFoundException: Secrets Manager can't find the specified secret.", error.Message);
    }

    [Fact]
    public async Task The_error_type_header_wins_and_loses_its_documentation_suffix()
    {
        var handler = new StubHttpHandler(Answer.Json(HttpStatusCode.Conflict, "{\"Type\":\"User\",\"message\":\"busy\"}",
            ("x-amzn-ErrorType", "ResourceConflictException:http://internal.amazon.com/coral/com.amazonaws.awsgirl/")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            TestClients.SecretsManager(handler).DescribeSecretAsync("x", CancellationToken.None));

        Assert.Equal("ResourceConflictException", error.ErrorCode);
        Assert.Equal("busy", error.ServiceMessage);
    }

    [Fact]
    public async Task An_answer_without_an_AWS_error_body_is_named_by_its_status()
    {
        var handler = new StubHttpHandler(Answer.Json(HttpStatusCode.NotFound, "<html>no such page</html>"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            TestClients.SecretsManager(handler).DescribeSecretAsync("x", CancellationToken.None));

        Assert.Equal("NotFound", error.ErrorCode);
        Assert.Contains("endpoint", error.ServiceMessage);
        Assert.Single(handler.Requests);
    }
}
