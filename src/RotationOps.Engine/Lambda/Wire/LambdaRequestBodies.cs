using System.Collections.Generic;
using System.Text.Json;
using RotationOps.Engine.Aws.Wire;
using static RotationOps.Engine.Aws.Wire.JsonRequestBody;

namespace RotationOps.Engine.Lambda.Wire;

/// <summary>
/// restJson1 request bodies for the Lambda operations. Properties left null are left out, so Lambda
/// keeps the current setting. Environment values go only into the body buffer, which is zeroed after the call.
/// </summary>
internal static class LambdaRequestBodies
{
    public static SensitiveBufferWriter UpdateFunctionConfiguration(UpdateFunctionConfigurationRequest request) =>
        Write(json =>
        {
            WriteOptional(json, "RevisionId", request.RevisionId);
            WriteOptional(json, "Runtime", request.Runtime);
            WriteOptional(json, "Description", request.Description);
            if (request.Environment != null)
            {
                json.WriteStartObject("Environment");
                json.WriteStartObject("Variables");
                foreach (KeyValuePair<string, string> variable in request.Environment) json.WriteString(variable.Key, variable.Value);
                json.WriteEndObject();
                json.WriteEndObject();
            }
        }, EnvironmentLength(request.Environment));

    /// <summary>Publish is left out (false): publishing is a separate, RevisionId-guarded step.</summary>
    public static SensitiveBufferWriter UpdateFunctionCode(UpdateFunctionCodeRequest request) =>
        Write(json =>
        {
            json.WriteBase64String("ZipFile", request.ZipFile);
            WriteOptional(json, "RevisionId", request.RevisionId);
        }, (request.ZipFile.Length + 2) / 3 * 4);

    public static SensitiveBufferWriter PublishVersion(PublishVersionRequest request) =>
        Write(json =>
        {
            WriteOptional(json, "CodeSha256", request.CodeSha256);
            WriteOptional(json, "Description", request.Description);
            WriteOptional(json, "RevisionId", request.RevisionId);
        });

    public static SensitiveBufferWriter UpdateAlias(UpdateAliasRequest request) =>
        Write(json =>
        {
            WriteOptional(json, "FunctionVersion", request.FunctionVersion);
            WriteOptional(json, "Description", request.Description);
            WriteRouting(json, request.AdditionalVersionWeights);
            WriteOptional(json, "RevisionId", request.RevisionId);
        });

    /// <summary>The Invoke payload is sent as it is: it is the event the function receives.</summary>
    public static SensitiveBufferWriter Payload(byte[] payload)
    {
        var body = new SensitiveBufferWriter(payload.Length);
        body.Write(payload);
        return body;
    }

    /// <summary>An empty dictionary is written as {} on purpose: that is how Lambda is told to clear routing.</summary>
    private static void WriteRouting(Utf8JsonWriter json, IDictionary<string, double>? weights)
    {
        if (weights is null) return;
        json.WriteStartObject("RoutingConfig");
        json.WriteStartObject("AdditionalVersionWeights");
        foreach (KeyValuePair<string, double> weight in weights) json.WriteNumber(weight.Key, weight.Value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// Room for the variables with every character escaped (\uXXXX, six bytes), so the values are not
    /// copied through ever larger buffers.
    /// </summary>
    private static int EnvironmentLength(IDictionary<string, string>? environment)
    {
        if (environment is null) return 0;
        int length = 0;
        foreach (KeyValuePair<string, string> variable in environment) length += (variable.Key.Length + variable.Value.Length + 4) * 6;
        return length;
    }
}
