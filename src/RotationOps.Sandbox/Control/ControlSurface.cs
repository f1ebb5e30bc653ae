using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.Downstream;
using RotationOps.Sandbox.DynamoDb;
using RotationOps.Sandbox.Faults;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Sandbox.SecretsManager;
using RotationOps.Sandbox.Time;

namespace RotationOps.Sandbox.Control;

/// <summary>
/// The Sandbox's own JSON API under <c>/_sandbox/</c>, outside every AWS path and unsigned: what
/// an operator rehearsing a runbook uses instead of the in-process C# API (faults, clock, rotation
/// functions, downstream credentials, seeded secrets, state snapshots, DynamoDB tables). README.md documents each endpoint.
/// </summary>
internal sealed class ControlSurface(
    string region,
    string accountId,
    string accessKeyId,
    VirtualClock clock,
    FaultInjector faults,
    RotationFunctionRegistry functions,
    DownstreamCredentialStore downstream,
    SecretStore secrets,
    SecretsManagerInspector secretsManager,
    DynamoDbInspector dynamoDb)
{
    public static readonly PathString Root = "/_sandbox";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value!["/_sandbox".Length..].TrimEnd('/');
        try
        {
            object? reply = (request.Method, path) switch
            {
                ("GET", "" or "/info") => Info(request),
                ("GET", "/clock") => ClockState(),
                ("POST", "/clock/advance") => Advance(await ReadAsync<AdvanceRequest>(request)),
                ("GET", "/faults") => faults.Rules,
                ("POST", "/faults") => new { id = faults.Add((await ReadAsync<FaultRequest>(request)).ToRule()) },
                ("DELETE", "/faults") => ClearFaults(),
                ("DELETE", _) when path.StartsWith("/faults/", StringComparison.Ordinal) => RemoveFault(path["/faults/".Length..]),
                ("GET", "/rotation-functions") => functions.All,
                ("POST", "/rotation-functions") => Register(await ReadAsync<RotationFunctionRequest>(request)),
                ("POST", "/downstream") => SetDownstream(await ReadAsync<DownstreamRequest>(request)),
                ("POST", "/secrets") => SeedSecret(await ReadAsync<SecretRequest>(request)),
                ("GET", "/state") => new { now = clock.GetUtcNow(), secrets = secretsManager.Secrets },
                ("GET", "/dynamodb") => new { tables = dynamoDb.Tables },
                _ => null,
            };
            if (reply is null)
            {
                await WriteAsync(context.Response, StatusCodes.Status404NotFound, new { error = $"No control endpoint {request.Method} {request.Path}." });
                return;
            }

            await WriteAsync(context.Response, StatusCodes.Status200OK, reply);
        }
        catch (Exception invalid) when (invalid is JsonException or ArgumentException or FormatException or InvalidOperationException)
        {
            await WriteAsync(context.Response, StatusCodes.Status400BadRequest, new { error = invalid.Message });
        }
    }

    private object Info(HttpRequest request) => new
    {
        endpoint = $"{request.Scheme}://{request.Host}",
        region,
        accountId,
        accessKeyId,
        now = clock.GetUtcNow(),
    };

    private object ClockState() => new { now = clock.GetUtcNow(), clock.AutoAdvance, clock.FollowsRealTime };

    private object Advance(AdvanceRequest advance)
    {
        clock.Advance(TimeSpan.FromSeconds(advance.Seconds));
        return ClockState();
    }

    private object ClearFaults()
    {
        faults.Clear();
        return new { cleared = true };
    }

    private object RemoveFault(string id) =>
        faults.Remove(id) ? new { removed = id } : throw new ArgumentException($"No fault with id {id}.");

    private object Register(RotationFunctionRequest request)
    {
        var strategy = request.Strategy switch
        {
            null or "GeneratePassword" => RotationStrategy.GeneratePassword,
            "RotateJsonKey" => RotationStrategy.RotateJsonKey(request.JsonKey ?? throw new ArgumentException("RotateJsonKey needs jsonKey.")),
            _ => throw new ArgumentException($"Unknown strategy {request.Strategy}; use GeneratePassword or RotateJsonKey."),
        };
        var defaults = new RotationFunctionBehavior();
        var behavior = new RotationFunctionBehavior
        {
            Strategy = strategy,
            FailAtStep = request.FailAtStep is null
                ? null
                : RotationStepNames.Parse(request.FailAtStep) ?? throw new ArgumentException($"Unknown step {request.FailAtStep}."),
            StepLatency = TimeSpan.FromSeconds(request.StepLatencySeconds ?? 0),
            AllowSecretsManagerInvoke = request.AllowSecretsManagerInvoke ?? defaults.AllowSecretsManagerInvoke,
            KeepCurrentCredentialValid = request.KeepCurrentCredentialValid ?? defaults.KeepCurrentCredentialValid,
            PasswordLength = request.PasswordLength ?? defaults.PasswordLength,
            ExcludeCharacters = request.ExcludeCharacters ?? defaults.ExcludeCharacters,
        };
        return new { arn = functions.Register(request.Name ?? throw new ArgumentException("name is required."), behavior) };
    }

    private object SetDownstream(DownstreamRequest request)
    {
        downstream.Set(
            request.SecretId ?? throw new ArgumentException("secretId is required."),
            request.AcceptedValues?.ToArray() ?? throw new ArgumentException("acceptedValues is required."));
        return new { secretId = request.SecretId, acceptedCount = request.AcceptedValues.Count };
    }

    /// <summary>
    /// A secret whose AWSCURRENT holds the given value, accepted by its downstream service, as
    /// <c>--seed-demo</c> seeds one: a rehearsal's starting state without a signed CreateSecret.
    /// </summary>
    private object SeedSecret(SecretRequest request)
    {
        var name = request.Name ?? throw new ArgumentException("name is required.");
        var text = request.SecretString ?? throw new ArgumentException("secretString is required.");
        // A seeded state must be one AWS could hold: SecretString is 1 to 65,536 bytes.
        if (text.Length == 0 || System.Text.Encoding.UTF8.GetByteCount(text) > 65536)
        {
            throw new ArgumentException("secretString must be 1 to 65,536 bytes, as Secrets Manager requires.");
        }

        var value = SecretValue.FromText(text);
        lock (secrets.Gate)
        {
            if (secrets.Find(name) is not null)
            {
                throw new InvalidOperationException($"The Sandbox already holds a secret named {name}.");
            }

            var now = clock.GetUtcNow();
            var secret = secrets.Add(name, now);
            var versionId = Guid.NewGuid().ToString();
            SecretVersionWriter.Put(secret, versionId, value, null, now);
            downstream.Set(name, text);
            return new { arn = secret.Arn, versionId };
        }
    }

    /// <summary>Reads a control request body; shared with the Lambda and traffic endpoints.</summary>
    internal static async Task<T> ReadAsync<T>(HttpRequest request) =>
        await JsonSerializer.DeserializeAsync<T>(request.Body, Json) ?? throw new ArgumentException("A JSON body is required.");

    /// <summary>Writes a control reply; shared with the Lambda and traffic endpoints.</summary>
    internal static Task WriteAsync(HttpResponse response, int status, object body)
    {
        response.StatusCode = status;
        return response.WriteAsJsonAsync(body, body.GetType(), Json);
    }

    private sealed record AdvanceRequest(double Seconds);

    private sealed record FaultRequest(string? Service, string? Operation, FaultKind? Kind, int? Count, int? Skip, double? LatencyMs, string? RequestContains)
    {
        public FaultRule ToRule() => new()
        {
            Service = Service ?? "*",
            Operation = Operation ?? "*",
            Kind = Kind ?? throw new ArgumentException("kind is required: Throttle, ServerError, Latency, DropConnection, DropReply, Conflict or PreconditionFailed."),
            RequestContains = RequestContains,
            Count = Count,
            Skip = Skip ?? 0,
            Latency = TimeSpan.FromMilliseconds(LatencyMs ?? 0),
        };
    }

    private sealed record RotationFunctionRequest(
        string? Name,
        string? Strategy,
        string? JsonKey,
        string? FailAtStep,
        double? StepLatencySeconds,
        bool? AllowSecretsManagerInvoke,
        bool? KeepCurrentCredentialValid,
        int? PasswordLength,
        string? ExcludeCharacters);

    private sealed record SecretRequest(string? Name, string? SecretString);

    private sealed record DownstreamRequest(string? SecretId, System.Collections.Generic.List<string>? AcceptedValues);
}
