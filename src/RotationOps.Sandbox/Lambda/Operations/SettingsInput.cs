using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>
/// The configuration members CreateFunction and UpdateFunctionConfiguration share, with the model's
/// constraints. Members a request leaves out keep their current (or default) value.
/// </summary>
internal static partial class SettingsInput
{
    private const string RolePattern = @"arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+";
    private const string HandlerPattern = @"[^\s]+";
    private const string VariablePattern = "[a-zA-Z]([a-zA-Z0-9_])+";
    private const int MaxEnvironmentBytes = 4096;

    // Measured as written on the wire: characters like '+' or 'é' count as themselves, not as \uXXXX escapes.
    private static readonly JsonSerializerOptions MeasuredAs = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static FunctionSettings Read(AwsJsonInput input, FunctionSettings current)
    {
        var role = input.String("Role");
        if (role is not null && !RoleForm().IsMatch(role))
        {
            throw LambdaErrors.PatternMismatch("role", role, RolePattern);
        }

        var handler = input.String("Handler", 0, 128);
        if (handler is not null && !HandlerForm().IsMatch(handler))
        {
            throw LambdaErrors.PatternMismatch("handler", handler, HandlerPattern);
        }

        var runtime = input.String("Runtime");
        if (runtime is not null && !LambdaRuntimes.All.Contains(runtime))
        {
            throw Errors.CommonErrors.Validation(
                $"Value '{runtime}' at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", LambdaRuntimes.All)}]");
        }

        return current with
        {
            Runtime = runtime ?? current.Runtime,
            Role = role ?? current.Role,
            Handler = handler ?? current.Handler,
            Description = input.String("Description", 0, 256) ?? current.Description,
            Timeout = (int?)input.Long("Timeout", 1, int.MaxValue) ?? current.Timeout,
            MemorySize = (int?)input.Long("MemorySize", 128, 10240) ?? current.MemorySize,
            Environment = input.Structure("Environment") is { } environment ? Variables(environment) : current.Environment,
            DeadLetterTargetArn = input.Structure("DeadLetterConfig") is { } deadLetter
                ? NullIfEmpty(deadLetter.String("TargetArn"))
                : current.DeadLetterTargetArn,
        };
    }

    /// <summary>
    /// Lambda replaces the whole variable set; an empty or missing one removes Environment. Names
    /// must match Lambda's pattern, and the whole set, measured as its JSON, fit in 4 KB. Unlike
    /// Lambda, the size error does not quote the measured string: it holds the values.
    /// </summary>
    private static IReadOnlyDictionary<string, string>? Variables(AwsJsonInput environment)
    {
        if (environment.StringMap("Variables") is not { Count: > 0 } variables) return null;
        if (variables.Keys.Any(name => !VariableName().IsMatch(name)))
        {
            throw Errors.CommonErrors.Validation(
                "Value at 'environment.variables' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: " + VariablePattern + "]");
        }

        if (Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(variables, MeasuredAs)) > MaxEnvironmentBytes)
        {
            throw LambdaErrors.EnvironmentTooLarge();
        }

        return variables;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [GeneratedRegex("^" + RolePattern + "$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleForm();

    [GeneratedRegex("^" + HandlerPattern + "$", RegexOptions.CultureInvariant)]
    private static partial Regex HandlerForm();

    [GeneratedRegex("^" + VariablePattern + "$", RegexOptions.CultureInvariant)]
    private static partial Regex VariableName();
}
