using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace RotationOps.Module.Tests.Infrastructure;

/// <summary>
/// Reads the data language of a module manifest: @{ } hashtables (keys case-insensitive),
/// @( ) and comma arrays, quoted strings, numbers, $true/$false/$null and comments. Anything
/// else (expressions, variables, here-strings) is rejected, as Import-Module would reject most.
/// Hashtables become Dictionary&lt;string, object?&gt;, arrays List&lt;object?&gt;.
/// </summary>
public sealed class Psd1Reader
{
    private readonly string text;
    private int position;

    private Psd1Reader(string text) => this.text = text;

    public static Dictionary<string, object?> ReadHashtable(string text)
    {
        var reader = new Psd1Reader(text);
        reader.SkipSpace(newlines: true);
        var value = reader.ReadValue() as Dictionary<string, object?>
            ?? throw new FormatException("A manifest is one @{ } hashtable.");
        reader.SkipSpace(newlines: true);
        return reader.position == text.Length ? value : throw reader.Error("text after the closing }");
    }

    /// <summary>A value, with "a, b" making an array as in PowerShell.</summary>
    private object? ReadExpression()
    {
        var first = ReadValue();
        SkipSpace(newlines: false);
        if (Peek() != ',')
        {
            return first;
        }

        var items = new List<object?> { first };
        while (Peek() == ',')
        {
            position++;
            SkipSpace(newlines: true);
            items.Add(ReadValue());
            SkipSpace(newlines: false);
        }

        return items;
    }

    private object? ReadValue()
    {
        if (Take("@{"))
        {
            return ReadHashtableBody();
        }

        if (Take("@("))
        {
            return ReadArrayBody();
        }

        return Peek() switch
        {
            '\'' => ReadSingleQuoted(),
            '"' => ReadDoubleQuoted(),
            '$' => ReadConstant(),
            var c when char.IsDigit(c) || c == '-' || c == '.' => ReadNumber(),
            _ => throw Error("a value"),
        };
    }

    private Dictionary<string, object?> ReadHashtableBody()
    {
        var table = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SkipSpace(newlines: true, semicolons: true);
            if (Take("}"))
            {
                return table;
            }

            var key = Peek() is '\'' or '"' ? (string)ReadValue()! : ReadBareword();
            SkipSpace(newlines: false);
            if (!Take("="))
            {
                throw Error($"= after key '{key}'");
            }

            SkipSpace(newlines: true);
            if (!table.TryAdd(key, ReadExpression()))
            {
                throw Error($"key '{key}' only once");
            }
        }
    }

    private List<object?> ReadArrayBody()
    {
        var items = new List<object?>();
        while (true)
        {
            SkipSpace(newlines: true, semicolons: true);
            if (Take(")"))
            {
                return items;
            }

            var item = ReadExpression();
            if (item is List<object?> list)
            {
                items.AddRange(list);
            }
            else
            {
                items.Add(item);
            }
        }
    }

    private string ReadSingleQuoted()
    {
        var value = new StringBuilder();
        position++;
        while (true)
        {
            var c = Next("a closing '");
            if (c == '\'' && Peek() == '\'')
            {
                position++;
                value.Append('\'');
            }
            else if (c == '\'')
            {
                return value.ToString();
            }
            else
            {
                value.Append(c);
            }
        }
    }

    /// <summary>Double-quoted strings are taken literally apart from escapes: a manifest has no variables to expand.</summary>
    private string ReadDoubleQuoted()
    {
        var value = new StringBuilder();
        position++;
        while (true)
        {
            var c = Next("a closing \"");
            if (c == '`')
            {
                value.Append(Next("an escaped character") switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var e => e });
            }
            else if (c == '"' && Peek() == '"')
            {
                position++;
                value.Append('"');
            }
            else if (c == '"')
            {
                return value.ToString();
            }
            else if (c == '$')
            {
                throw Error("no $ inside a double-quoted string (use single quotes)");
            }
            else
            {
                value.Append(c);
            }
        }
    }

    private object? ReadConstant()
    {
        var word = ReadBareword(start: 1).ToLowerInvariant();
        return word switch
        {
            "$true" => true,
            "$false" => false,
            "$null" => null,
            _ => throw Error($"$true, $false or $null, not {word}"),
        };
    }

    private object ReadNumber()
    {
        var start = position;
        while (position < text.Length && (char.IsDigit(text[position]) || text[position] is '.' or '-'))
        {
            position++;
        }

        var token = text[start..position];
        if (int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            ? real
            : throw Error($"a number, not {token}");
    }

    private string ReadBareword(int start = 0)
    {
        var begin = position;
        position += start;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '_' or '-'))
        {
            position++;
        }

        return position > begin + start ? text[begin..position] : throw Error("a name");
    }

    private void SkipSpace(bool newlines, bool semicolons = false)
    {
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '#')
            {
                while (position < text.Length && text[position] != '\n')
                {
                    position++;
                }
            }
            else if (Take("<#"))
            {
                var end = text.IndexOf("#>", position, StringComparison.Ordinal);
                position = end < 0 ? throw Error("#> closing a block comment") : end + 2;
            }
            else if (c is ' ' or '\t' or '\uFEFF' || (newlines && c is '\r' or '\n') || (semicolons && c == ';'))
            {
                position++;
            }
            else
            {
                return;
            }
        }
    }

    private bool Take(string token)
    {
        if (string.CompareOrdinal(text, position, token, 0, token.Length) != 0)
        {
            return false;
        }

        position += token.Length;
        return true;
    }

    private char Peek() => position < text.Length ? text[position] : '\0';

    private char Next(string expected) => position < text.Length ? text[position++] : throw Error(expected);

    private FormatException Error(string expected)
    {
        var line = 1 + text.AsSpan(0, Math.Min(position, text.Length)).Count('\n');
        return new FormatException($"Line {line}: expected {expected}.");
    }
}
