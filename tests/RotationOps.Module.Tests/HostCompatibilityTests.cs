using System.Linq;
using RotationOps.Module.Tests.Infrastructure;

namespace RotationOps.Module.Tests;

/// <summary>
/// PowerShell 7.4 runs on .NET 8 with System.Text.Json 8.0.0.0 already loaded; a module assembly
/// that references a higher version of a framework assembly fails to import there.
/// </summary>
public sealed class HostCompatibilityTests
{
    [Theory]
    [InlineData("RotationOps")]
    [InlineData("RotationOps.Engine")]
    [InlineData("AWSSDK.Core")]
    [InlineData("Polly.Core")]
    public void No_module_assembly_asks_for_framework_assemblies_newer_than_dotnet_8(string assemblyName)
    {
        var assembly = assemblyName == "RotationOps" ? BuiltModule.Metadata.Assembly : BuiltModule.Metadata.LoadByName(assemblyName);

        var tooNew = assembly.GetReferencedAssemblies()
            .Where(r => r.Name is "System.Text.Json" or "System.Text.Encodings.Web" or "Microsoft.Bcl.AsyncInterfaces" or "Microsoft.Bcl.TimeProvider")
            .Where(r => r.Version!.Major > 8)
            .Select(r => $"{r.Name} {r.Version}")
            .ToList();

        Assert.True(tooNew.Count == 0, $"{assemblyName} references {string.Join(", ", tooNew)}: PowerShell 7.4 (.NET 8) cannot load it.");
    }

    [Fact]
    public void The_module_has_one_initializer_that_loads_its_dependencies()
    {
        var initializer = BuiltModule.Metadata.Assembly.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.FullName == "System.Management.Automation.IModuleAssemblyInitializer"))
            .ToList();

        Assert.Single(initializer);
    }
}
