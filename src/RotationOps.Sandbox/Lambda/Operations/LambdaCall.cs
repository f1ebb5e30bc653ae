using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.Errors;
using RotationOps.Sandbox.Hosting;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>One call's inputs where restJson1 puts them: path labels, query string, headers and JSON body.</summary>
internal sealed class LambdaCall(AwsRequest request, IReadOnlyDictionary<string, string> labels, DateTimeOffset now)
{
    private AwsJsonInput? body;

    public DateTimeOffset Now { get; } = now;

    public IHeaderDictionary Headers => request.Headers;

    public ReadOnlyMemory<byte> RawBody => request.Body;

    /// <summary>The id the dispatcher gave the call (x-amzn-RequestId), which Lambda repeats in its logs.</summary>
    public string RequestId => request.Http.HttpContext.Response.Headers["x-amzn-RequestId"].ToString();

    public string Label(string name) => labels[name];

    public string? Query(string name) => request.Http.Query.TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>An integer query parameter with the model's range, e.g. MaxItems 1–10000.</summary>
    public int? QueryInt(string name, int min, int max)
    {
        if (Query(name) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw LambdaErrors.InvalidRequestContent($"'{text}' is not an integer for {name}.");
        }

        return value < min || value > max
            ? throw CommonErrors.Validation($"Value '{value}' at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must have value {(value < min ? "greater than or equal to " + min : "less than or equal to " + max)}")
            : value;
    }

    /// <summary>The {FunctionName} label, parsed; <paramref name="withQualifier"/> reads the Qualifier query parameter too.</summary>
    public FunctionReference Function(FunctionStore store, bool withQualifier) =>
        FunctionReference.Parse(Label("FunctionName"), withQualifier ? Query("Qualifier") : null, store);

    /// <summary>The JSON body, parsed once.</summary>
    public AwsJsonInput Body() => body ??= AwsJsonInput.Parse(request.Body);
}
