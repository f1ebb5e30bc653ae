using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using RotationOps.Module.Tests.Infrastructure;

namespace RotationOps.Module.Tests;

/// <summary>out/RotationOps/ as `dotnet build` lays it out: importable as it is, on 5.1 and 7.</summary>
public sealed class ModuleLayoutTests
{
    [Theory]
    [InlineData("RotationOps.psd1")]
    [InlineData("RotationOps.dll")]
    [InlineData("RotationOps.Contracts.dll")]
    [InlineData("Dependencies/RotationOps.Engine.dll")]
    [InlineData("Dependencies/RotationOps.Isolation.dll")]
    [InlineData("en-US/RotationOps.dll-Help.xml")]
    [InlineData("en-US/about_RotationOps.help.txt")]
    public void The_module_folder_has(string file) =>
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.ModuleDirectory, file)), $"out/RotationOps/{file} is missing.");

    [Fact]
    public void PowerShell_itself_is_not_shipped() =>
        Assert.False(File.Exists(Path.Combine(RepositoryPaths.ModuleDirectory, "System.Management.Automation.dll")));

    /// <summary>
    /// Beside the manifest, in PowerShell's own load context, only the cmdlets and the types both
    /// sides share: no AWS SDK, Polly or JSON assembly that could meet another module's copy.
    /// The output types' assembly depends on nothing but the runtime.
    /// </summary>
    [Fact]
    public void Only_the_cmdlets_and_the_shared_types_sit_beside_the_manifest()
    {
        var besideManifest = Directory.EnumerateFiles(RepositoryPaths.ModuleDirectory, "*.dll").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(["Microsoft.Bcl.TimeProvider.dll", "RotationOps.Contracts.dll", "RotationOps.dll"], besideManifest);
        Assert.Equal(["netstandard"], AssemblyReferences(Path.Combine(RepositoryPaths.ModuleDirectory, "RotationOps.Contracts.dll")));
    }

    /// <summary>
    /// Every assembly the module references (transitively) ships with it, beside the manifest or
    /// in Dependencies, apart from the netstandard facade and PowerShell, which the host provides.
    /// </summary>
    [Fact]
    public void Every_referenced_assembly_ships_in_the_module_folder()
    {
        var shipped = Directory.EnumerateFiles(RepositoryPaths.ModuleDirectory, "*.dll")
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.ModuleDirectory, "Dependencies"), "*.dll"))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), StringComparer.OrdinalIgnoreCase);
        var hostProvided = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "netstandard", "System.Management.Automation" };
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<string>(["RotationOps", "RotationOps.Engine"]);
        while (pending.TryDequeue(out var name))
        {
            if (!seen.Add(name))
            {
                continue;
            }

            foreach (var reference in AssemblyReferences(shipped[name]).Where(r => !hostProvided.Contains(r)))
            {
                if (shipped.ContainsKey(reference))
                {
                    pending.Enqueue(reference);
                }
                else
                {
                    missing.Add($"{name} needs {reference}");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing.Distinct()));
    }

    private static IEnumerable<string> AssemblyReferences(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
    }
}
