using System;
using System.Collections.Generic;
using System.Linq;

namespace RotationOps.Engine.Errors;

/// <summary>
/// Which of a command's parameters go together: two that cannot be given together, or one that
/// means nothing without another. PowerShell's parameter sets can only refuse a clash with the
/// generic AmbiguousParameterSet ("Parameter set cannot be resolved"), which names neither
/// parameter nor says what to give instead, and a parameter that needs another is otherwise
/// silently ignored. Each command checks its rules on the parameters it was given before any
/// AWS call, and the message names both parameters and the fix.
/// </summary>
public sealed class ParameterRule
{
    private readonly string _parameter;
    private readonly IReadOnlyList<string> _others;
    private readonly bool _exclusive;
    private readonly string _reason;

    private ParameterRule(string parameter, IReadOnlyList<string> others, bool exclusive, string reason)
    {
        _parameter = parameter;
        _others = others;
        _exclusive = exclusive;
        _reason = reason;
    }

    /// <summary><paramref name="parameter"/> and <paramref name="other"/> cannot be given together; <paramref name="reason"/> says what each does and what to give.</summary>
    public static ParameterRule Exclusive(string parameter, string other, string reason) =>
        new ParameterRule(parameter, new[] { other }, exclusive: true, reason);

    /// <summary><paramref name="parameter"/> means nothing unless one of <paramref name="anyOf"/> is given too.</summary>
    public static ParameterRule Requires(string parameter, IReadOnlyList<string> anyOf, string reason) =>
        new ParameterRule(parameter, anyOf, exclusive: false, reason);

    /// <summary>Refuses the first rule that <paramref name="given"/> (parameter names, without the dash) breaks.</summary>
    /// <exception cref="RunbookException">InvalidParameter naming the parameter to drop or complete.</exception>
    public static void Check(IEnumerable<string> given, IEnumerable<ParameterRule> rules)
    {
        var names = new HashSet<string>(given, StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            if (!names.Contains(rule._parameter)) continue;
            if (rule._exclusive && names.Contains(rule._others[0]))
                throw Refusal(rule, $"-{rule._parameter} and -{rule._others[0]} cannot be used together: {rule._reason}");
            if (!rule._exclusive && !rule._others.Any(names.Contains))
                throw Refusal(rule, $"-{rule._parameter} needs {OneOf(rule._others)}: {rule._reason}");
        }
    }

    private static RunbookException Refusal(ParameterRule rule, string message) =>
        new RunbookException("InvalidParameter", RunbookErrorCategory.InvalidArgument, message, parameterName: rule._parameter);

    private static string OneOf(IReadOnlyList<string> names)
    {
        var dashed = names.Select(n => "-" + n).ToList();
        return dashed.Count == 1 ? dashed[0] : $"{string.Join(", ", dashed.Take(dashed.Count - 1))} or {dashed[dashed.Count - 1]}";
    }
}
