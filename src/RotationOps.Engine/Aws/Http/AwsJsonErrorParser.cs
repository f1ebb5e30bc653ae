using System.Text.Json;
using RotationOps.Engine.Aws.Wire;

namespace RotationOps.Engine.Aws.Http;

/// <summary>
/// Errors of the JSON protocols (awsJson1_0/1_1 and restJson1): the code from the x-amzn-ErrorType
/// header or the body's "__type" / "code" / "Code", the text from "message", "Message" or
/// "errorMessage" — services and emulators differ in casing.
/// </summary>
internal sealed class AwsJsonErrorParser : IAwsErrorParser
{
    public static readonly AwsJsonErrorParser Instance = new AwsJsonErrorParser();

    private AwsJsonErrorParser()
    {
    }

    public string BodyFormat => "JSON";

    public AwsErrorDetails Parse(AwsHttpResponse response)
    {
        string? code = response.GetHeader("x-amzn-ErrorType");
        string? message = null;
        if (response.Body.Length > 0)
        {
            try
            {
                ReadBody(response, ref code, out message);
            }
            catch (JsonException)
            {
                // Not JSON (an HTML error page, a truncated body): fall back to the status below.
            }
        }

        if (string.IsNullOrWhiteSpace(code))
            return AwsErrorDetails.FromStatus(response.StatusCode);
        return new AwsErrorDetails(code!, message ?? "");
    }

    private static void ReadBody(AwsHttpResponse response, ref string? code, out string? message)
    {
        message = null;
        string? bodyCode = null;
        var reader = new Utf8JsonReader(response.Body);
        JsonWire.ReadStartObject(ref reader);
        while (JsonWire.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("__type"u8) || reader.ValueTextEquals("code"u8) || reader.ValueTextEquals("Code"u8))
                bodyCode ??= ReadText(ref reader);
            else if (reader.ValueTextEquals("message"u8) || reader.ValueTextEquals("Message"u8) || reader.ValueTextEquals("errorMessage"u8))
                message ??= ReadText(ref reader);
            else
                JsonWire.Skip(ref reader);
        }
        if (string.IsNullOrWhiteSpace(code)) code = bodyCode;
    }

    private static string? ReadText(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String) return reader.GetString();
        reader.Skip();
        return null;
    }
}
