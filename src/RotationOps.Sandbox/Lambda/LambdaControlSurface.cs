using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.Control;
using RotationOps.Sandbox.Traffic;

namespace RotationOps.Sandbox.Lambda;

/// <summary>
/// The control endpoints for Lambda under <c>/_sandbox/lambda</c> (state, seeded functions, declared behaviour) and
/// <c>/_sandbox/traffic</c> (simulated callers), unsigned JSON like the rest of the control surface
/// and documented in README.md.
/// </summary>
internal sealed class LambdaControlSurface(FunctionStore store, TimeProvider clock, LambdaInspector inspector, LambdaBehaviors behaviors, TrafficDriver traffic)
{
    private static readonly PathString LambdaRoot = "/_sandbox/lambda";
    private static readonly PathString TrafficRoot = "/_sandbox/traffic";

    public static bool Handles(PathString path) => path.StartsWithSegments(LambdaRoot) || path.StartsWithSegments(TrafficRoot);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value!.TrimEnd('/');
        try
        {
            object? reply = (request.Method, path) switch
            {
                ("GET", "/_sandbox/lambda") => inspector.Functions,
                ("POST", "/_sandbox/lambda/functions") => Seed(await ControlSurface.ReadAsync<FunctionRequest>(request)),
                ("POST", "/_sandbox/lambda/behaviors") => SetBehavior(await ControlSurface.ReadAsync<BehaviorRequest>(request)),
                ("POST", "/_sandbox/lambda/idle") => Idle(await ControlSurface.ReadAsync<IdleRequest>(request)),
                ("GET", "/_sandbox/traffic") => traffic.Streams,
                ("POST", "/_sandbox/traffic") => Drive(await ControlSurface.ReadAsync<TrafficRequest>(request)),
                ("DELETE", "/_sandbox/traffic") => StopAll(),
                ("DELETE", _) when path.StartsWith("/_sandbox/traffic/", StringComparison.Ordinal) => Stop(path["/_sandbox/traffic/".Length..]),
                _ => null,
            };
            if (reply is null)
            {
                await ControlSurface.WriteAsync(context.Response, StatusCodes.Status404NotFound, new { error = $"No control endpoint {request.Method} {request.Path}." });
                return;
            }

            await ControlSurface.WriteAsync(context.Response, StatusCodes.Status200OK, reply);
        }
        catch (Exception invalid) when (invalid is JsonException or ArgumentException or InvalidOperationException)
        {
            await ControlSurface.WriteAsync(context.Response, StatusCodes.Status400BadRequest, new { error = invalid.Message });
        }
    }

    private object Seed(FunctionRequest request) => new
    {
        arn = FunctionSeed.Apply(store, clock,
            request.Name ?? throw new ArgumentException("name is required."),
            request.Runtime ?? "python3.8",
            request.Environment,
            request.AliasName ?? "LIVE"),
    };

    private object SetBehavior(BehaviorRequest request)
    {
        var name = request.FunctionName ?? throw new ArgumentException("functionName is required.");
        var version = request.Version ?? FunctionVersion.Latest;
        var defaults = new LambdaBehavior();
        var behavior = new LambdaBehavior
        {
            ErrorRate = request.ErrorRate ?? defaults.ErrorRate,
            ErrorSeed = request.ErrorSeed,
            Latency = request.LatencyMs is { } latency ? TimeSpan.FromMilliseconds(latency) : defaults.Latency,
            Payload = request.Payload is { } payload ? payload.GetRawText() : defaults.Payload,
            SecretDependency = request.SecretDependency is { } dependency
                ? new SecretDependency(dependency.SecretId ?? throw new ArgumentException("secretDependency.secretId is required."), dependency.Stage ?? "AWSCURRENT")
                : null,
        };
        behaviors.Set(name, version, behavior);
        return new { functionName = name, version, behavior };
    }

    private object Idle(IdleRequest request)
    {
        var name = request.FunctionName ?? throw new ArgumentException("functionName is required.");
        var version = request.Version ?? throw new ArgumentException("version is required.");
        behaviors.Idle(name, version);
        return new { functionName = name, version, state = "Inactive" };
    }

    private TrafficHandle Drive(TrafficRequest request) =>
        traffic.Drive(
            request.FunctionName ?? throw new ArgumentException("functionName is required."),
            request.Alias ?? throw new ArgumentException("alias is required."),
            request.InvocationsPerMinute ?? throw new ArgumentException("invocationsPerMinute is required."));

    private object StopAll()
    {
        traffic.StopAll();
        return new { stopped = true };
    }

    private TrafficHandle Stop(string id)
    {
        var stream = traffic.Find(id) ?? throw new ArgumentException($"No running traffic stream with id {id}.");
        stream.Stop();
        return stream;
    }

    private sealed record FunctionRequest(string? Name, string? Runtime, Dictionary<string, string>? Environment, string? AliasName);

    private sealed record BehaviorRequest(
        string? FunctionName,
        string? Version,
        double? ErrorRate,
        int? ErrorSeed,
        double? LatencyMs,
        JsonElement? Payload,
        SecretDependencyRequest? SecretDependency);

    private sealed record SecretDependencyRequest(string? SecretId, string? Stage);

    private sealed record IdleRequest(string? FunctionName, string? Version);

    private sealed record TrafficRequest(string? FunctionName, string? Alias, double? InvocationsPerMinute);
}
