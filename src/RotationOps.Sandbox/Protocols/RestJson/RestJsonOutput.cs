using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.Errors;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.Protocols.RestJson;

/// <summary>
/// Writes restJson1 replies: JSON bodies with the operation's own status code (201, 202, 204 ...),
/// and errors named by the <c>x-amzn-ErrorType</c> header with a <c>{"Type", "message"}</c> body.
/// </summary>
internal static class RestJsonOutput
{
    public const string ContentType = "application/json";

    public static async Task WriteAsync(HttpResponse response, int statusCode, ReadOnlyMemory<byte> body)
    {
        response.StatusCode = statusCode;
        if (body.IsEmpty)
        {
            return;
        }

        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }

    /// <summary>
    /// Writes an error. <paramref name="messageMember"/> is <c>message</c> or <c>Message</c>, as the
    /// service model spells it for this error shape; <paramref name="extraMembers"/> adds shape members
    /// such as Lambda's throttling <c>Reason</c>.
    /// </summary>
    public static Task WriteErrorAsync(HttpResponse response, AwsErrorException error, string messageMember, Action<Utf8JsonWriter>? extraMembers = null)
    {
        // The signature-checking front door of a REST service refuses with 403, not awsJson's 400.
        var status = error.Origin == ErrorOrigin.Authentication ? StatusCodes.Status403Forbidden : error.StatusCode;
        response.Headers["x-amzn-ErrorType"] = error.Code;
        var body = AwsJsonOutput.Render(writer =>
        {
            writer.WriteString("Type", status >= 500 ? "Service" : "User");
            writer.WriteString(error.Origin == ErrorOrigin.Authentication ? "message" : messageMember, error.Message);
            extraMembers?.Invoke(writer);
        });
        return WriteAsync(response, status, body);
    }
}
