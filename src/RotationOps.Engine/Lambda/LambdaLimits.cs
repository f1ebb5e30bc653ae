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

    /// <exception cref="RunbookException">InvalidParameter naming <paramref name="parameter"/>.</exception>
    public static void CheckVariableNames(IEnumerable<string>? names, string parameter)
    {
        string? bad = names?.FirstOrDefault(n => !VariableName.IsMatch(n));
        if (bad != null)
            throw RunbookException.InvalidParameter(parameter,
                $"'{bad}' is not a name Lambda accepts for an environment variable: it must start with a letter and go on with at least one letter, digit or underscore (e.g. API_ENDPOINT).");
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
