using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace RotationOps.Isolation;

/// <summary>The assemblies the running .NET (and PowerShell's own deps) provide: its trusted platform assemblies.</summary>
internal static class PlatformAssemblies
{
    private static readonly Lazy<Dictionary<string, string>> PathsByName = new Lazy<Dictionary<string, string>>(() =>
    {
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        foreach (string path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            paths[Path.GetFileNameWithoutExtension(path)] = path;
        return paths;
    });

    /// <summary>Whether the platform has <paramref name="wanted"/> at its version or a later one.</summary>
    public static bool Provides(AssemblyName wanted)
    {
        if (wanted.Name == null || !PathsByName.Value.TryGetValue(wanted.Name, out string? path)) return false;
        Version? version = AssemblyName.GetAssemblyName(path).Version;
        return version != null && (wanted.Version == null || version >= wanted.Version);
    }
}
