using System;
using System.Collections.Generic;

namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>
/// A composite alarm's AlarmRule, parsed: the grammar of AWS's "Composite alarm rule expression" —
/// ALARM(x), OK(x), INSUFFICIENT_DATA(x) where x is an alarm name or ARN, with or without double
/// quotes; TRUE, FALSE; NOT, AND, OR (binding in that order, tightest first) and parentheses.
/// Keywords are matched without regard to case, as AWS's own advice to set a rule to "false" implies.
/// </summary>
internal sealed class AlarmRule
{
    public const int MaxLength = 10240;

    private readonly AlarmRuleNode root;

    private AlarmRule(AlarmRuleNode root, IReadOnlyList<string> references)
    {
        this.root = root;
        References = references;
    }

    /// <summary>The alarms the rule names, as written (names or ARNs), each once, in order of appearance.</summary>
    public IReadOnlyList<string> References { get; }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The text is not a rule; the message says where and why.</exception>
    public static AlarmRule Parse(string text)
    {
        var parser = new AlarmRuleParser(text);
        var root = parser.ParseRule();
        return new AlarmRule(root, parser.References);
    }

    /// <summary>Whether the rule holds, given each referenced alarm's StateValue.</summary>
    public bool Evaluate(Func<string, string> stateOf) => root.Evaluate(stateOf);
}
