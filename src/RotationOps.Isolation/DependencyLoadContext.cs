using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace RotationOps.Isolation;

/// <summary>
/// The module's own load context over its Dependencies folder. PowerShell's default context
/// never sees the engine or its dependencies: when RotationOps.dll first needs the engine, the
/// default context's Resolving event hands it over to this context, and everything the engine
/// references then binds here first — so AWS.Tools' AWSSDK.Core, loaded before or after, is a
/// different assembly in a different context and neither module breaks the other. What is not in
/// the folder (the contracts assembly with the output types, TimeProvider, which the cmdlets hand
/// to the engine, and the runtime) comes from the default context, so both sides share one type.
/// </summary>
public sealed class DependencyLoadContext : AssemblyLoadContext
{
    private const string EngineAssembly = "RotationOps.Engine";
    private static readonly object Gate = new object();
    private static DependencyLoadContext? installed;

    private readonly string _directory;

    private DependencyLoadContext(string directory)
        : base("RotationOps", isCollectible: false)
    {
        _directory = directory;
    }

    /// <summary>
    /// Routes the engine to the context over <paramref name="moduleDirectory"/>'s Dependencies
    /// folder, and lets PowerShell's default context find the shared assemblies beside the
    /// manifest. Called by the module's initializer on every import; a re-import (Import-Module
    /// -Force) keeps the first context, because the engine it loaded cannot be unloaded and must
    /// stay the one in use.
    /// </summary>
    public static void Install(string moduleDirectory)
    {
        lock (Gate)
        {
            if (installed != null) return;
            var context = new DependencyLoadContext(Path.Combine(moduleDirectory, "Dependencies"));
            installed = context;
            Default.Resolving += (defaultContext, name) =>
            {
                if (name.Name == EngineAssembly) return context.LoadFromAssemblyName(name);
                string shared = Path.Combine(moduleDirectory, name.Name + ".dll");
                return File.Exists(shared) ? defaultContext.LoadFromAssemblyPath(shared) : null;
            };
        }
    }

    /// <summary>
    /// The folder's copy, unless the runtime itself ships the assembly at this version or later
    /// (System.Text.Json, System.Memory and the other netstandard2.0 packages are part of .NET):
    /// a second System.Memory would bring a second Span type, and the runtime's copy is the one
    /// PowerShell and the cmdlets use, so it is shared, not isolated.
    /// </summary>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string path = Path.Combine(_directory, assemblyName.Name + ".dll");
        if (!File.Exists(path)) return null;
        return PlatformAssemblies.Provides(assemblyName) ? null : LoadFromAssemblyPath(path);
    }
}
