using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using RotationOps.Engine.Aws.Http;
using RotationOps.Engine.Aws.Wire;

namespace RotationOps.Engine.Lambda.Wire;

/// <summary>
/// Reads Lambda answers with Utf8JsonReader. Unknown properties are skipped (AWS adds fields over
/// time). Malformed bodies throw <see cref="JsonException"/>, which is reported without the body,
/// so environment values in a configuration never reach an error message.
/// </summary>
internal static class LambdaResponses
{
    public static FunctionConfiguration Configuration(AwsHttpResponse response)
    {
        var reader = new Utf8JsonReader(response.Body);
        JsonWire.ReadStartObject(ref reader);
        return ReadConfiguration(ref reader);
    }

    /// <summary>
    /// GetFunction: {"Configuration":{...},"Code":{...},"Tags":{...}}; only the configuration is kept.
    /// An answer without one is malformed rather than "no state yet".
    /// </summary>
    public static FunctionConfiguration FunctionConfigurationOf(AwsHttpResponse response)
    {
        FunctionConfiguration? configuration = null;
        var reader = new Utf8JsonReader(response.Body);
        JsonWire.ReadStartObject(ref reader);
        while (JsonWire.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("Configuration"u8) && JsonWire.StartObject(ref reader)) configuration = ReadConfiguration(ref reader);
            else JsonWire.Skip(ref reader);
        }
        return configuration ?? throw new JsonException("The GetFunction answer has no Configuration.");
    }

    public static AliasConfiguration Alias(AwsHttpResponse response)
    {
        var reader = new Utf8JsonReader(response.Body);
        JsonWire.ReadStartObject(ref reader);
        return ReadAlias(ref reader);
    }

    public static IReadOnlyList<FunctionConfiguration> FunctionList(AwsHttpResponse response) => List(response, "Functions"u8, ReadConfiguration);

    public static IReadOnlyList<FunctionConfiguration> VersionList(AwsHttpResponse response) => List(response, "Versions"u8, ReadConfiguration);

    public static IReadOnlyList<AliasConfiguration> AliasList(AwsHttpResponse response) => List(response, "Aliases"u8, ReadAlias);

    public static FunctionPolicy Policy(AwsHttpResponse response)
    {
        var policy = new FunctionPolicy();
        var reader = new Utf8JsonReader(response.Body);
        JsonWire.ReadStartObject(ref reader);
        while (JsonWire.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("Policy"u8)) policy.Policy = JsonWire.String(ref reader) ?? "";
            else if (reader.ValueTextEquals("RevisionId"u8)) policy.RevisionId = JsonWire.String(ref reader);
            else JsonWire.Skip(ref reader);
        }
        return policy;
    }

    /// <summary>
    /// The function's answer is the body; what Lambda says about the run is in headers. A function
    /// error keeps HTTP 200 and is only visible in X-Amz-Function-Error.
    /// </summary>
    public static InvocationResult Invocation(AwsHttpResponse response) =>
        new InvocationResult
        {
            StatusCode = (int)response.StatusCode,
            ExecutedVersion = response.GetHeader("X-Amz-Executed-Version"),
            FunctionError = response.GetHeader("X-Amz-Function-Error"),
            Payload = response.Body.ToArray(),
            LogResult = DecodeLog(response.GetHeader("X-Amz-Log-Result")),
        };

    private delegate T ObjectReader<T>(ref Utf8JsonReader reader);

    /// <summary>The objects of one array property of a list answer; its NextMarker is ignored (one page).</summary>
    private static List<T> List<T>(AwsHttpResponse response, ReadOnlySpan<byte> property, ObjectReader<T> read)
    {
        var items = new List<T>();
        var reader = new Utf8JsonReader(response.Body);
        JsonWire.ReadStartObject(ref reader);
        while (JsonWire.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals(property) && JsonWire.StartArray(ref reader))
                while (JsonWire.NextObject(ref reader)) items.Add(read(ref reader));
            else JsonWire.Skip(ref reader);
        }
        return items;
    }

    private static FunctionConfiguration ReadConfiguration(ref Utf8JsonReader reader)
    {
        var result = new FunctionConfiguration();
        while (JsonWire.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("FunctionName"u8)) result.FunctionName = JsonWire.String(ref reader) ?? "";
            else if (reader.ValueTextEquals("FunctionArn"u8)) result.FunctionArn = JsonWire.String(ref reader) ?? "";
            else if (reader.ValueTextEquals("Runtime"u8)) result.Runtime = JsonWire.String(ref reader);
            else if (reader.ValueTextEquals("Role"u8)) result.Role = JsonWire.String(ref reader);
            else if (reader.ValueTextEquals("Handler"u8)) result.Handler = JsonWire.String(ref reader);
            else if (reader.ValueTextEquals("Description"u8)) result.Description = JsonWire.String(ref reader);
            else if (reader.ValueTextEquals("Timeout"u8)) result.Timeout = JsonWire.Int32(ref reader);
            else if (reader.ValueTextEquals("MemorySize"u8)) result.MemorySize = JsonWire.Int32(ref reader);
            else if (reader.ValueTextEquals("LastModified"u8)) result.LastModified = JsonWire.String(ref reader);
            else if (reader.ValueTextEquals("CodeSha256"u8)) result.CodeSha256 = JsonWire.String(ref reader);
            else if (reader.ValueTextEquals("Version"u8)) result.Version = JsonWire.String(ref reader) ?? "";
            else if (reader.ValueTextEquals("Environment"u8)) result.Environment = ReadVariables(ref reader);
            else if (reader.ValueTextEquals("RevisionId"u8)) result.RevisionId = JsonWire.String(ref reader);
            else if (reader.ValueTextEquals("State"u8)) result.State = JsonWire.String(ref reader);
            else if (reader.ValueTextEquals("StateReason"u8)) result.StateReason = JsonWire.String(ref reader);
            else if (reader.ValueTextEquals("StateReasonCode"u8)) result.StateReasonCode = JsonWire.String(ref reader);
            else if (reader.ValueTextEquals("LastUpdateStatus"u8)) result.LastUpdateStatus = JsonWire.String(ref reader);
            else if (reader.ValueTextEquals("LastUpdateStatusReason"u8)) result.LastUpdateStatusReason = JsonWire.String(ref reader);
            else if (reader.ValueTextEquals("LastUpdateStatusReasonCode"u8)) result.LastUpdateStatusReasonCode = JsonWire.String(ref reader);
            else if (reader.ValueTextEquals("DeadLetterConfig"u8)) result.DeadLetterTargetArn = ReadTargetArn(ref reader);
            else JsonWire.Skip(ref reader);
        }
        return result;
    }

    private static AliasConfiguration ReadAlias(ref Utf8JsonReader reader)
    {
        var alias = new AliasConfiguration();
        while (JsonWire.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("AliasArn"u8)) alias.AliasArn = JsonWire.String(ref reader) ?? "";
            else if (reader.ValueTextEquals("Name"u8)) alias.Name = JsonWire.String(ref reader) ?? "";
            else if (reader.ValueTextEquals("FunctionVersion"u8)) alias.FunctionVersion = JsonWire.String(ref reader) ?? "";
            else if (reader.ValueTextEquals("Description"u8)) alias.Description = JsonWire.String(ref reader);
            else if (reader.ValueTextEquals("RevisionId"u8)) alias.RevisionId = JsonWire.String(ref reader);
            else if (reader.ValueTextEquals("RoutingConfig"u8)) alias.AdditionalVersionWeights = ReadWeights(ref reader);
            else JsonWire.Skip(ref reader);
        }
        return alias;
    }

    /// <summary>Environment: {"Variables":{...}} (an "Error" sits beside it when Lambda could not decrypt them).</summary>
    private static Dictionary<string, string> ReadVariables(ref Utf8JsonReader reader)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!JsonWire.StartObject(ref reader)) return variables;
        while (JsonWire.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("Variables"u8)) variables = JsonWire.StringMap(ref reader);
            else JsonWire.Skip(ref reader);
        }
        return variables;
    }

    /// <summary>RoutingConfig: {"AdditionalVersionWeights":{"version":weight}}.</summary>
    private static Dictionary<string, double> ReadWeights(ref Utf8JsonReader reader)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!JsonWire.StartObject(ref reader)) return weights;
        while (JsonWire.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("AdditionalVersionWeights"u8)) weights = JsonWire.NumberMap(ref reader);
            else JsonWire.Skip(ref reader);
        }
        return weights;
    }

    private static string? ReadTargetArn(ref Utf8JsonReader reader)
    {
        string? arn = null;
        if (!JsonWire.StartObject(ref reader)) return null;
        while (JsonWire.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("TargetArn"u8)) arn = JsonWire.String(ref reader);
            else JsonWire.Skip(ref reader);
        }
        return arn;
    }

    /// <summary>
    /// A log tail that is not base64 is dropped rather than failing the call: the function has
    /// already run, and an error here would invite the caller to run it again.
    /// </summary>
    private static string? DecodeLog(string? base64)
    {
        if (string.IsNullOrEmpty(base64)) return null;
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
