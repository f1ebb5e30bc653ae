using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using RotationOps.Engine.Errors;

namespace RotationOps.Engine.Lambda;

/// <summary>
/// Lambda's documented limits on what a canary may change, checked before any AWS call so the
/// error names our parameter instead of arriving from AWS after $LATEST was already touched.
/// </summary>
internal static class LambdaLimits
{
    /// <summary>All variables together, as Lambda measures them: the JSON of the whole map.</summary>
    public const int MaxEnvironmentBytes = 4096;

    /// <summary>A function's or a version's description.</summary>
    public const int MaxDescriptionLength = 256;

    // Measured as written on the wire: characters like '+' or 'é' count as themselves, not as \uXXXX escapes.
    private static readonly JsonSerializerOptions MeasuredAs = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Lambda's pattern for a variable name: a letter, then letters, digits or underscores.
    private static readonly Regex VariableName = new Regex("^[a-zA-Z][a-zA-Z0-9_]+$", RegexOptions.CultureInvariant);

    // Names the Lambda runtime sets itself; Lambda refuses a function configuration that sets them.
    private static readonly HashSet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
        "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    };

    /// <exception cref="RunbookException">InvalidParameter naming <paramref name="parameter"/>.</exception>
    public static void CheckVariableNames(IEnumerable<string>? names, string parameter)
    {
        var all = names?.ToList() ?? new List<string>();
        string? bad = all.FirstOrDefault(n => !VariableName.IsMatch(n));
        if (bad != null)
            throw RunbookException.InvalidParameter(parameter,
                $"'{bad}' is not a name Lambda accepts for an environment variable: it must start with a letter and go on with at least one letter, digit or underscore (e.g. API_ENDPOINT).");
        string? reserved = all.FirstOrDefault(Reserved.Contains);
        if (reserved != null)
            throw RunbookException.InvalidParameter(parameter,
                $"'{reserved}' is reserved: the Lambda runtime sets it, and Lambda refuses a configuration that does. Choose another name.");
    }

    /// <summary>Refuses a variable set over 4 KB; names the biggest variables, never a value.</summary>
    /// <exception cref="RunbookException">InvalidParameter naming -Environment.</exception>
    public static void CheckEnvironmentSize(IReadOnlyDictionary<string, string> variables, string functionName)
    {
        int size = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(variables, MeasuredAs));
        if (size <= MaxEnvironmentBytes) return;
        string largest = string.Join(", ", variables.OrderByDescending(v => Encoding.UTF8.GetByteCount(v.Value)).Take(3).Select(v => v.Key));
        throw RunbookException.InvalidParameter("Environment",
            $"the environment of {functionName} would be {size} bytes, over Lambda's {MaxEnvironmentBytes}-byte limit for all variables together " +
            $"(largest: {largest}). Remove variables (-RemoveEnvironmentVariable) or move large values to Secrets Manager or Parameter Store.",
            functionName);
    }
}
