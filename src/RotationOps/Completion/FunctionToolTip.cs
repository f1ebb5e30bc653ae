using RotationOps.Engine.Lambda;

namespace RotationOps.Commands.Completion;

/// <summary>What a function or function version completion shows: runtime, last change, description (never environment values).</summary>
internal static class FunctionToolTip
{
    public static string Of(FunctionConfiguration function)
    {
        // Container-image functions have no runtime.
        string text = (function.Runtime ?? "image") + ", last modified " + (function.LastModified ?? "unknown");
        return string.IsNullOrEmpty(function.Description) ? text : text + ": " + function.Description;
    }
}
