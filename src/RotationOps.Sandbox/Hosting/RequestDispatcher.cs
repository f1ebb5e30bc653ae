using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RotationOps.Sandbox.Auth;
using RotationOps.Sandbox.Control;
using RotationOps.Sandbox.Errors;
using RotationOps.Sandbox.Faults;
using RotationOps.Sandbox.Lambda;
using RotationOps.Sandbox.Traffic;

namespace RotationOps.Sandbox.Hosting;

/// <summary>
/// Every request's path through the Sandbox: request id, traffic catch-up, then the control surface or an AWS
/// service chosen by protocol; for AWS calls, signature check, injected faults, rate quota, and
/// the operation itself. Errors are written in the chosen service's protocol.
/// </summary>
internal sealed class RequestDispatcher(
    IReadOnlyList<IServiceEndpoint> endpoints,
    SigV4Verifier verifier,
    FaultInjector faults,
    ControlSurface control,
    LambdaControlSurface lambdaControl,
    TrafficDriver traffic,
    Action<string>? log)
{
    public async Task HandleAsync(HttpContext context)
    {
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();

        // Simulated traffic exists lazily: every request first generates the minutes that elapsed.
        traffic.CatchUp();
        if (LambdaControlSurface.Handles(context.Request.Path))
        {
            await lambdaControl.HandleAsync(context);
            return;
        }

        if (context.Request.Path.StartsWithSegments(ControlSurface.Root))
        {
            await control.HandleAsync(context);
            return;
        }

        var request = await ReadAsync(context);
        var endpoint = endpoints.FirstOrDefault(e => e.Accepts(request));
        if (endpoint is null)
        {
            await WriteUnroutableAsync(context.Response);
            return;
        }

        var operation = endpoint.OperationOf(request);
        try
        {
            verifier.Verify(request, endpoint.ServiceName);
            var (terminal, replyDelay) = await ApplyFaultsAsync(context, endpoint, operation, request);
            if (terminal == FaultKind.DropConnection)
            {
                Log(endpoint, operation, "connection dropped (injected)");
                return;
            }

            endpoint.EnforceQuota(operation);
            if (terminal == FaultKind.DropReply)
            {
                await ApplyAndDropReplyAsync(context, endpoint, operation, request);
                return;
            }

            if (terminal == FaultKind.SlowReply)
            {
                await ApplyAndDelayReplyAsync(context, endpoint, operation, request, replyDelay);
                return;
            }
            await endpoint.InvokeAsync(operation, request, context.Response, context.RequestAborted);
            Log(endpoint, operation, context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (AwsErrorException error)
        {
            await endpoint.WriteErrorAsync(context.Response, error);
            Log(endpoint, operation, $"{error.StatusCode} {error.Code}");
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException && !context.Response.HasStarted)
        {
            // A Sandbox bug still answers like AWS would: the service's internal error.
            await endpoint.WriteErrorAsync(context.Response, endpoint.InternalFailure());
            Log(endpoint, operation, $"500 unexpected {unexpected.GetType().Name}");
        }
    }

    /// <summary>
    /// Runs the call to its end — its change made, or its error decided — with the reply written
    /// nowhere, then aborts the connection before anything was sent.
    /// </summary>
    private async Task ApplyAndDropReplyAsync(HttpContext context, IServiceEndpoint endpoint, string operation, AwsRequest request)
    {
        context.Response.Body = Stream.Null;
        try
        {
            await endpoint.InvokeAsync(operation, request, context.Response, context.RequestAborted);
            Log(endpoint, operation, "applied, reply dropped (injected)");
        }
        catch (AwsErrorException error)
        {
            Log(endpoint, operation, $"{error.StatusCode} {error.Code}, reply dropped (injected)");
        }
        context.Abort();
    }

    /// <summary>
    /// Runs the call to its end with the reply held back, waits <paramref name="delay"/>, then sends
    /// it — unless the caller has gone meanwhile (timed out, stopped, killed): the change stays made.
    /// </summary>
    private async Task ApplyAndDelayReplyAsync(HttpContext context, IServiceEndpoint endpoint, string operation, AwsRequest request, TimeSpan delay)
    {
        var reply = context.Response.Body;
        using var held = new MemoryStream();
        context.Response.Body = held;
        try
        {
            await endpoint.InvokeAsync(operation, request, context.Response, CancellationToken.None);
        }
        catch (AwsErrorException error)
        {
            await endpoint.WriteErrorAsync(context.Response, error);
        }

        try
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            Log(endpoint, operation, "applied, caller gone before the slow reply (injected)");
            return;
        }

        context.Response.Body = reply;
        held.Position = 0;
        await held.CopyToAsync(reply, context.RequestAborted);
        Log(endpoint, operation, $"{context.Response.StatusCode} after a slow reply (injected)");
    }

    /// <summary>
    /// Applies armed faults: throws the throttling, internal or concurrent-change errors, aborts the connection for
    /// DropConnection, and returns the terminal fault the caller still has to act on, if any.
    /// </summary>
    private async Task<(FaultKind? Terminal, TimeSpan ReplyDelay)> ApplyFaultsAsync(HttpContext context, IServiceEndpoint endpoint, string operation, AwsRequest request)
    {
        var fault = faults.Decide(endpoint.ServiceName, operation, new FaultTarget(request.RawPath, request.Body));
        if (fault.Latency > TimeSpan.Zero)
        {
            await Task.Delay(fault.Latency, context.RequestAborted);
        }

        switch (fault.Terminal)
        {
            case FaultKind.DropConnection:
                context.Abort();
                return (FaultKind.DropConnection, TimeSpan.Zero);
            case FaultKind.Throttle:
                throw endpoint.Throttled();
            case FaultKind.ServerError:
                throw endpoint.InternalFailure();
            case FaultKind.Conflict or FaultKind.PreconditionFailed:
                throw endpoint.ConcurrentChange(fault.Terminal.Value, request);
            default:
                return (fault.Terminal, fault.ReplyDelay);
        }
    }

    private static async Task<AwsRequest> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var question = target.IndexOf('?', StringComparison.Ordinal);
        return question < 0
            ? new AwsRequest(context.Request, buffer.ToArray(), target, string.Empty)
            : new AwsRequest(context.Request, buffer.ToArray(), target[..question], target[(question + 1)..]);
    }

    private static async Task WriteUnroutableAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status404NotFound;
        response.ContentType = "application/json";
        await response.WriteAsync(
            "{\"__type\":\"UnknownOperationException\",\"message\":\"The Sandbox serves Secrets Manager (POST / with X-Amz-Target: secretsmanager.<Operation>), Lambda (/2015-03-31/functions), CloudWatch (POST / with Action=<Operation>&Version=2010-08-01, or X-Amz-Target: GraniteServiceVersion20100801.<Operation>), DynamoDB (POST / with X-Amz-Target: DynamoDB_20120810.<Operation>) and its control surface under /_sandbox/.\"}");
    }

    private void Log(IServiceEndpoint endpoint, string operation, string outcome) =>
        log?.Invoke($"{endpoint.ServiceName}.{operation} -> {outcome}");
}
