using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace RotationOps.Commands;

/// <summary>
/// Loads the engine and its dependencies from the module's Dependencies folder, apart from
/// whatever else the session has loaded (AWS.Tools ships AWSSDK.Core 3.7; the engine needs 4.x).
/// On PowerShell 7 they go into the module's own load context (RotationOps.Isolation), in any
/// import order. Windows PowerShell 5.1 has one AppDomain and no load contexts: there a failed
/// bind for an assembly the folder holds is answered with the shipped copy, loaded side by side
/// with any other version of it (strong-named assemblies of different versions can be).
/// </summary>
public sealed class ModuleDependencyLoader : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleDependencyLoader).Assembly.Location)!;
    private static readonly string DependencyDirectory = Path.Combine(ModuleDirectory, "Dependencies");

    private static bool OnNetFramework => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    public void OnImport()
    {
        if (OnNetFramework)
        {
            AppDomain.CurrentDomain.AssemblyResolve += ResolveOnNetFramework;
            return;
        }
        // Reflection, because this assembly is netstandard2.0 and has no AssemblyLoadContext.
        var isolation = Assembly.LoadFrom(Path.Combine(DependencyDirectory, "RotationOps.Isolation.dll"));
        isolation.GetType("RotationOps.Isolation.DependencyLoadContext", throwOnError: true)!
            .GetMethod("Install", BindingFlags.Public | BindingFlags.Static)!
            .Invoke(null, new object[] { ModuleDirectory });
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (OnNetFramework) AppDomain.CurrentDomain.AssemblyResolve -= ResolveOnNetFramework;
    }

    private static Assembly? ResolveOnNetFramework(object? sender, ResolveEventArgs args)
    {
        string path = Path.Combine(DependencyDirectory, new AssemblyName(args.Name).Name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
}
