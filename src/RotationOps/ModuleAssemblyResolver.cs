using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace RotationOps.Commands;

/// <summary>
/// Lets Windows PowerShell 5.1 (.NET Framework) load the module's dependencies: they reference
/// each other at differing versions (Polly.Core asks for Microsoft.Bcl.AsyncInterfaces 6.0, the
/// module ships 8.0), and .NET Framework binds strong-named versions exactly unless an app.config
/// redirects them — which a module cannot supply. When a bind fails for an assembly the module
/// folder holds, the shipped copy is used. On PowerShell 7 the runtime already accepts a
/// higher version, so the handler rarely fires there.
/// </summary>
public sealed class ModuleAssemblyResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleAssemblyResolver).Assembly.Location)!;

    public void OnImport() => AppDomain.CurrentDomain.AssemblyResolve += Resolve;

    public void OnRemove(PSModuleInfo psModuleInfo) => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        string path = Path.Combine(ModuleDirectory, new AssemblyName(args.Name).Name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
}
