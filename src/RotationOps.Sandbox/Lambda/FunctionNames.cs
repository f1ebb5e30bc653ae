using System;
using System.Linq;

namespace RotationOps.Sandbox.Lambda;

/// <summary>The rule for a function's own name (not an ARN), for the in-process APIs that create functions.</summary>
internal static class FunctionNames
{
    /// <summary>Throws unless <paramref name="name"/> is 1-64 letters, digits, hyphens or underscores, as Lambda requires.</summary>
    public static void EnsureValid(string name, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, parameterName);
        if (name.Length > 64 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw new ArgumentException("A function name is 1-64 letters, digits, hyphens or underscores.", parameterName);
        }
    }
}
