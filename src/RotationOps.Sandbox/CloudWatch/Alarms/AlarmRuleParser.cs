using System;
using System.Collections.Generic;

namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>
/// Recursive descent over an AlarmRule's characters:
/// rule := or; or := and ("OR" and)*; and := unary ("AND" unary)*; unary := "NOT" unary | primary;
/// primary := "(" or ")" | "TRUE" | "FALSE" | state "(" alarm ")".
/// </summary>
internal sealed class AlarmRuleParser(string text)
{
    private readonly List<string> references = [];
    private int position;

    public IReadOnlyList<string> References => references;

    public AlarmRuleNode ParseRule()
    {
        var rule = ParseOr();
        SkipSpace();
        return position == text.Length ? rule : throw Error($"unexpected '{text[position]}'");
    }

    private AlarmRuleNode ParseOr()
    {
        var left = ParseAnd();
        while (TryKeyword("OR"))
        {
            left = new OrNode(left, ParseAnd());
        }

        return left;
    }

    private AlarmRuleNode ParseAnd()
    {
        var left = ParseUnary();
        while (TryKeyword("AND"))
        {
            left = new AndNode(left, ParseUnary());
        }

        return left;
    }

    private AlarmRuleNode ParseUnary() => TryKeyword("NOT") ? new NotNode(ParseUnary()) : ParsePrimary();

    private AlarmRuleNode ParsePrimary()
    {
        SkipSpace();
        if (TryChar('('))
        {
            var inner = ParseOr();
            return TryChar(')') ? inner : throw Error("missing ')'");
        }

        var start = position;
        var word = ReadWord();
        switch (word.ToUpperInvariant())
        {
            case "TRUE":
                return new ConstantNode(true);
            case "FALSE":
                return new ConstantNode(false);
            case AlarmStates.Alarm or AlarmStates.Ok or AlarmStates.InsufficientData:
                var alarm = ReadArgument();
                if (!references.Contains(alarm))
                {
                    references.Add(alarm);
                }

                return new StateFunctionNode(word.ToUpperInvariant(), alarm);
            default:
                position = start;
                throw Error(word.Length == 0 ? "expected ALARM, OK, INSUFFICIENT_DATA, TRUE, FALSE, NOT or '('" : $"unknown function or operator '{word}'");
        }
    }

    /// <summary>The "(name)" after a state function: quoted, or everything up to ')' without surrounding spaces.</summary>
    private string ReadArgument()
    {
        if (!TryChar('('))
        {
            throw Error("expected '(' after a state function");
        }

        SkipSpace();
        string alarm;
        if (TryChar('"'))
        {
            var close = text.IndexOf('"', position);
            if (close < 0)
            {
                throw Error("unterminated '\"'");
            }

            alarm = text[position..close];
            position = close + 1;
        }
        else
        {
            var close = text.IndexOf(')', position);
            alarm = (close < 0 ? text[position..] : text[position..close]).Trim();
            position = close < 0 ? text.Length : close;
        }

        if (alarm.Length == 0)
        {
            throw Error("a state function needs an alarm name or ARN");
        }

        return TryChar(')') ? alarm : throw Error("missing ')'");
    }

    private bool TryKeyword(string keyword)
    {
        SkipSpace();
        var start = position;
        if (string.Equals(ReadWord(), keyword, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        position = start;
        return false;
    }

    private string ReadWord()
    {
        var start = position;
        while (position < text.Length && (char.IsAsciiLetter(text[position]) || text[position] == '_'))
        {
            position++;
        }

        return text[start..position];
    }

    private bool TryChar(char expected)
    {
        SkipSpace();
        if (position < text.Length && text[position] == expected)
        {
            position++;
            return true;
        }

        return false;
    }

    private void SkipSpace()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private FormatException Error(string problem) => new($"{problem} at position {position + 1}");
}
