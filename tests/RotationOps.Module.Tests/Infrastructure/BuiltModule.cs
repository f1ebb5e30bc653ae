using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using RotationOps.HelpGen;

namespace RotationOps.Module.Tests.Infrastructure;

/// <summary>out/RotationOps/RotationOps.dll, opened once as metadata for every test.</summary>
public static class BuiltModule
{
    private static readonly Lazy<ModuleMetadata> Lazy = new(() =>
    {
        if (!File.Exists(RepositoryPaths.ModuleAssembly))
        {
            throw new FileNotFoundException($"{RepositoryPaths.ModuleAssembly} is missing: build src/RotationOps (dotnet build lays out out/RotationOps/).");
        }

        return ModuleMetadata.Open(RepositoryPaths.ModuleAssembly, RepositoryPaths.PowerShellReference);
    });

    public static ModuleMetadata Metadata => Lazy.Value;

    /// <summary>
    /// The module's cmdlets. Never empty: a module without cmdlets would pass every "each cmdlet
    /// must ..." rule, so an empty set fails every test that uses it.
    /// </summary>
    public static IReadOnlyList<CmdletDescription> Cmdlets =>
        Metadata.Cmdlets.Count > 0
            ? Metadata.Cmdlets
            : throw new InvalidOperationException($"{RepositoryPaths.ModuleAssembly} defines no public [Cmdlet] class.");

    /// <summary>The assemblies whose public types may appear in output and format views.</summary>
    public static IReadOnlyList<Assembly> TypeAssemblies => [Metadata.Assembly, Metadata.LoadByName("RotationOps.Contracts")];
}
