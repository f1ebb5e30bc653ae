using System;
using System.Text;

namespace RotationOps.Engine.Aws.Wire;

/// <summary>
/// name=value pairs joined by '&amp;', both sides percent-encoded as SigV4 canonicalises them (RFC 3986:
/// everything but letters, digits and -_.~), so what is signed and what is sent cannot differ.
/// Used for restJson1 query strings and awsQuery form bodies.
/// </summary>
internal sealed class UrlEncodedText
{
    private readonly StringBuilder _text = new StringBuilder();

    public bool IsEmpty => _text.Length == 0;

    /// <summary>Adds the pair; a null value leaves the parameter out.</summary>
    public UrlEncodedText Add(string name, string? value)
    {
        if (value is null) return this;
        if (_text.Length > 0) _text.Append('&');
        _text.Append(Escape(name)).Append('=').Append(Escape(value));
        return this;
    }

    /// <summary>One path segment (a function name, an ARN, an alias), with '/' and ':' escaped.</summary>
    public static string Escape(string value) => Uri.EscapeDataString(value);

    public override string ToString() => _text.ToString();
}
