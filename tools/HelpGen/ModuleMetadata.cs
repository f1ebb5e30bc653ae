using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace RotationOps.HelpGen;

/// <summary>
/// A cmdlet assembly opened as metadata only. Nothing in it runs, so a netstandard2.0 module
/// compiled against PowerShellStandard.Library can be inspected where no PowerShell exists.
/// </summary>
public sealed class ModuleMetadata : IDisposable
{
    private readonly MetadataLoadContext context;

    private ModuleMetadata(MetadataLoadContext context, Assembly assembly)
    {
        this.context = context;
        Assembly = assembly;
        Cmdlets = CmdletReader.Read(context, assembly);
    }

    public Assembly Assembly { get; }

    public IReadOnlyList<CmdletDescription> Cmdlets { get; }

    /// <summary>
    /// Opens <paramref name="assemblyPath"/>; its dependencies resolve from its own folder and its
    /// Dependencies folder (where the module keeps the engine), then from this runtime, and
    /// System.Management.Automation from the reference assembly given.
    /// </summary>
    public static ModuleMetadata Open(string assemblyPath, string powerShellReference)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(assemblyPath))!;
        var dependencies = Path.Combine(directory, "Dependencies");
        var candidates = Directory.EnumerateFiles(directory, "*.dll")
            .Concat(Directory.Exists(dependencies) ? Directory.EnumerateFiles(dependencies, "*.dll") : Enumerable.Empty<string>())
            .Concat(Directory.EnumerateFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"))
            .Append(powerShellReference);
        var context = new MetadataLoadContext(new PathAssemblyResolver(candidates));
        try
        {
            return new ModuleMetadata(context, context.LoadFromAssemblyPath(assemblyPath));
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>Loads a dependency (the engine, say) into the same context, so its types compare equal.</summary>
    public Assembly LoadByName(string assemblyName) => context.LoadFromAssemblyName(assemblyName);

    public CmdletDescription? FindCmdlet(string name) =>
        Cmdlets.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public void Dispose() => context.Dispose();
}
