using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace RotationOps.Commands.Hosting;

/// <summary>
/// A dependency of the engine that could not be loaded, as one stable error instead of a raw
/// FileLoadException. Touches no engine type: it must work when the engine itself is what failed.
/// </summary>
internal static class DependencyLoadFailure
{
    public const string ErrorId = "DependencyLoadFailed";

    public static bool Matches(Exception error) => AssemblyOf(error) != null;

    public static ErrorRecord Record(Exception error)
    {
        string assembly = AssemblyOf(error)!;
        string message =
            $"RotationOps could not load {assembly}: {error.Message} " +
            "Another module in this session may have loaded a different version of it first. On PowerShell 7 the module keeps " +
            "its dependencies apart, so there the module's Dependencies folder is damaged: reinstall RotationOps " +
            "(Install-PSResource RotationOps -Reinstall). On Windows PowerShell 5.1, start a new session and import RotationOps " +
            "before the module that loads that assembly (often AWS.Tools), or use PowerShell 7.";
        return new ErrorRecord(new InvalidOperationException(message, error), ErrorId, ErrorCategory.ResourceUnavailable, assembly);
    }

    private static string? AssemblyOf(Exception error)
    {
        string? file = error switch
        {
            FileNotFoundException missing => missing.FileName,
            FileLoadException unloadable => unloadable.FileName,
            BadImageFormatException damaged => damaged.FileName,
            _ => null,
        };
        if (string.IsNullOrEmpty(file)) return null;
        try
        {
            return new AssemblyName(file).Name;
        }
        catch (Exception ex) when (ex is ArgumentException || ex is FileLoadException)
        {
            return Path.GetFileNameWithoutExtension(file);
        }
    }
}
