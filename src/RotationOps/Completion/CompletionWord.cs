using System;
using System.Management.Automation;

namespace RotationOps.Commands.Completion;

/// <summary>
/// What the user has typed of the argument so far: the prefix to ask AWS for, the test for each name
/// AWS returns, and the quoting a completion needs to stay one argument.
/// </summary>
internal sealed class CompletionWord
{
    private static readonly char[] Wildcards = { '*', '?' };

    // Characters after which PowerShell would read a bare argument as something else.
    private static readonly char[] NeedsQuotes = { ' ', '\t', '\'', '"', '`', '$', '&', '(', ')', '{', '}', '[', ']', ';', ',', '|', '<', '>', '@', '#' };

    private readonly WildcardPattern? _pattern;

    private CompletionWord(string text, bool quoted)
    {
        Text = text;
        Quoted = quoted;
        int wildcard = text.IndexOfAny(Wildcards);
        ServerPrefix = wildcard < 0 ? text : text.Substring(0, wildcard);
        if (wildcard >= 0) _pattern = new WildcardPattern(text + "*", WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
    }

    /// <summary>The typed text without its opening (and closing) quote.</summary>
    public string Text { get; }

    /// <summary>The user opened a quote, so the completion keeps one.</summary>
    public bool Quoted { get; }

    /// <summary>The text before any wildcard: what AWS's own prefix filters can be given.</summary>
    public string ServerPrefix { get; }

    public static CompletionWord Parse(string? wordToComplete)
    {
        string text = wordToComplete ?? "";
        bool quoted = text.Length > 0 && (text[0] == '\'' || text[0] == '"');
        if (quoted)
        {
            char quote = text[0];
            text = text.Substring(1);
            if (text.Length > 0 && text[text.Length - 1] == quote) text = text.Substring(0, text.Length - 1);
        }
        return new CompletionWord(text, quoted);
    }

    /// <summary>Starts with the typed text, ignoring case as PowerShell's own completions do; wildcards as in -like.</summary>
    public bool Matches(string name) =>
        _pattern?.IsMatch(name) ?? name.StartsWith(Text, StringComparison.OrdinalIgnoreCase);

    /// <summary>The name as one argument: single-quoted (quotes doubled) when it would not parse bare.</summary>
    public string Quote(string name) =>
        Quoted || name.Length == 0 || name.IndexOfAny(NeedsQuotes) >= 0 || name[0] == '-'
            ? "'" + name.Replace("'", "''") + "'"
            : name;
}
