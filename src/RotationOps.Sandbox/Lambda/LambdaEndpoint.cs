using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.Errors;
using RotationOps.Sandbox.Faults;
using RotationOps.Sandbox.Hosting;
using RotationOps.Sandbox.Lambda.Operations;
using RotationOps.Sandbox.Protocols.RestJson;

namespace RotationOps.Sandbox.Lambda;

/// <summary>
/// Lambda over restJson1: paths under <c>/2015-03-31/functions</c>, signed for service <c>lambda</c>.
/// Each call runs under the function store lock, with lifecycle states read off the virtual clock.
/// </summary>
internal sealed class LambdaEndpoint(FunctionStore store, LambdaQuotas quotas, TimeProvider clock, IEnumerable<ILambdaOperation> operations) : IServiceEndpoint
{
    private readonly Dictionary<string, ILambdaOperation> byName = operations.ToDictionary(o => o.Name, StringComparer.Ordinal);

    public string ServiceName => "lambda";

    public bool Accepts(AwsRequest request) =>
        request.RawPath == LambdaRoutes.Prefix || request.RawPath.StartsWith(LambdaRoutes.Prefix + "/", StringComparison.Ordinal);

    public string OperationOf(AwsRequest request) => Match(request)?.Route.Operation ?? LambdaRoutes.Unknown;

    public AwsErrorException Throttled() => LambdaErrors.TooManyRequests();

    public AwsErrorException InternalFailure() => LambdaErrors.ServiceException();

    public AwsErrorException ConcurrentChange(FaultKind kind, AwsRequest request)
    {
        if (kind == FaultKind.PreconditionFailed)
        {
            return LambdaErrors.RevisionMismatch();
        }

        var function = Match(request)?.Labels.GetValueOrDefault("FunctionName") ?? string.Empty;
        return LambdaErrors.UpdateInProgress(store.ArnOf(Uri.UnescapeDataString(function)));
    }

    public void EnforceQuota(string operation) => quotas.Enforce(operation);

    public async Task InvokeAsync(string operation, AwsRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        if (Match(request) is not { } match || !byName.TryGetValue(match.Route.Operation, out var handler))
        {
            throw LambdaErrors.UnknownOperation(request.Method, request.RawPath);
        }

        LambdaReply reply;
        try
        {
            lock (store.Gate)
            {
                var now = clock.GetUtcNow();
                store.AdoptRotationFunctions(now);
                reply = handler.Execute(new LambdaCall(request, match.Labels, now));
            }
        }
        catch (AwsErrorException error) when (error.Code == "SerializationException")
        {
            // Lambda names a body it cannot read InvalidRequestContentException, not awsJson's SerializationException.
            throw LambdaErrors.InvalidRequestContent(error.Message);
        }

        if (reply.Headers is { } headers)
        {
            foreach (var (name, value) in headers)
            {
                response.Headers[name] = value;
            }
        }

        await RestJsonOutput.WriteAsync(response, reply.StatusCode, reply.Body);
    }

    public Task WriteErrorAsync(HttpResponse response, AwsErrorException error)
    {
        if (!LambdaErrors.IsThrottling(error.Code))
        {
            return RestJsonOutput.WriteErrorAsync(response, error, LambdaErrors.MessageMemberOf(error.Code));
        }

        response.Headers.RetryAfter = quotas.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return RestJsonOutput.WriteErrorAsync(response, error, LambdaErrors.MessageMemberOf(error.Code),
            writer => writer.WriteString("Reason", "CallerRateLimitExceeded"));
    }

    private static (RestJsonRoute Route, IReadOnlyDictionary<string, string> Labels)? Match(AwsRequest request)
    {
        foreach (var route in LambdaRoutes.All)
        {
            if (route.TryMatch(request.Method, request.RawPath, out var labels))
            {
                return (route, labels);
            }
        }

        return null;
    }
}
