using System.Collections.Generic;
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

        return current with
        {
            Runtime = input.String("Runtime") ?? current.Runtime,
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

    /// <summary>Lambda replaces the whole variable set; an empty or missing one removes Environment.</summary>
    private static IReadOnlyDictionary<string, string>? Variables(AwsJsonInput environment) =>
        environment.StringMap("Variables") is { Count: > 0 } variables ? variables : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [GeneratedRegex("^" + RolePattern + "$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleForm();

    [GeneratedRegex("^" + HandlerPattern + "$", RegexOptions.CultureInvariant)]
    private static partial Regex HandlerForm();
}
