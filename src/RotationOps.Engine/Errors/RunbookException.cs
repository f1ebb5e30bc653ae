using System;

namespace RotationOps.Engine.Errors;

/// <summary>
/// A failure the user must act on, with a stable error id (for scripts that match on
/// FullyQualifiedErrorId), a category and, for bad input, the parameter to fix.
/// Messages never contain secret values.
/// </summary>
public sealed class RunbookException : Exception
{
    public RunbookException(string errorId, RunbookErrorCategory category, string message,
        string? target = null, string? parameterName = null, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Category = category;
        Target = target;
        ParameterName = parameterName;
    }

    public string ErrorId { get; }

    public RunbookErrorCategory Category { get; }

    /// <summary>The secret or function the failure is about.</summary>
    public string? Target { get; }

    public string? ParameterName { get; }

    /// <summary>Bad input, found before any AWS change.</summary>
    public static RunbookException InvalidParameter(string parameterName, string message, string? target = null) =>
        new RunbookException("InvalidParameter", RunbookErrorCategory.InvalidArgument,
            $"-{parameterName}: {message}", target, parameterName);
}
