using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.Errors;
using RotationOps.Sandbox.Lambda.Invocation;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>
/// Invoke: RequestResponse (200, the payload or the function's error with X-Amz-Function-Error:
/// Unhandled — the status stays 200), Event (202, nothing returned) or DryRun (204, nothing run).
/// Through an alias the version follows the routing weights and X-Amz-Executed-Version names it.
/// Invoking an Inactive version fails (502 ResourceNotReadyException) and starts its restore; a
/// DryRun only validates and does not (AWS does not document it as reactivating).
/// </summary>
internal sealed class InvokeOperation(FunctionStore store, FunctionInvoker invoker, LambdaOptions options) : ILambdaOperation
{
    public string Name => LambdaRoutes.Invoke;

    public LambdaReply Execute(LambdaCall call)
    {
        var reference = call.Function(store, withQualifier: true);
        var invocationType = Header(call, "X-Amz-Invocation-Type", "invocationType", "RequestResponse", "Event", "RequestResponse", "DryRun");
        var tail = Header(call, "X-Amz-Log-Type", "logType", "None", "None", "Tail") == "Tail";
        CheckPayload(call.RawBody);

        var (function, primary, alias) = store.Resolve(reference);
        if (invocationType == "DryRun")
        {
            return LambdaReply.Empty(StatusCodes.Status204NoContent);
        }

        var version = FunctionInvoker.Choose(function, primary, alias);
        if (version.IsInactive)
        {
            // AWS: the invocation fails, nothing runs, and Lambda restores the version (Pending, then Active).
            version.Reactivate(call.Now + options.ActivationDuration);
            throw LambdaErrors.NotReady();
        }

        if (!version.IsActive(call.Now))
        {
            throw LambdaErrors.NotActive(version.State(call.Now));
        }

        var outcome = invoker.InvokeOnce(function, version, alias, reference.Qualifier, call.Now);
        if (invocationType == "Event")
        {
            return LambdaReply.Empty(StatusCodes.Status202Accepted);
        }

        var headers = new Dictionary<string, string> { ["X-Amz-Executed-Version"] = version.Version };
        if (tail)
        {
            headers["X-Amz-Log-Result"] = LogTail.Render(call.RequestId, outcome);
        }

        if (outcome.Error is { } error)
        {
            headers["X-Amz-Function-Error"] = "Unhandled";
            return new LambdaReply(StatusCodes.Status200OK, AwsJsonOutput.Render(output =>
            {
                output.WriteString("errorMessage", error.Message);
                output.WriteString("errorType", error.Type);
            }), headers);
        }

        return new LambdaReply(StatusCodes.Status200OK, Encoding.UTF8.GetBytes(version.Behavior.Payload), headers);
    }

    private static string Header(LambdaCall call, string header, string member, string absent, params string[] allowed)
    {
        var value = call.Headers[header].ToString();
        if (value.Length == 0)
        {
            return absent;
        }

        return Array.IndexOf(allowed, value) >= 0
            ? value
            : throw CommonErrors.Validation($"Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
    }

    private static void CheckPayload(ReadOnlyMemory<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return;
        }

        try
        {
            using var _ = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            // The text is not repeated back: an event may carry anything.
            throw LambdaErrors.InvalidRequestContent("Could not parse payload into json.");
        }
    }
}
