using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace RotationOps.Module.Tests.Infrastructure;

/// <summary>Where the repository, the built module and PowerShell's reference assembly are.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>out/RotationOps/, laid out by src/RotationOps/RotationOps.csproj on every build.</summary>
    public static string ModuleDirectory => Path.Combine(Root, "out", "RotationOps");

    public static string ModuleAssembly => Path.Combine(ModuleDirectory, "RotationOps.dll");

    public static string BuiltManifest => Path.Combine(ModuleDirectory, "RotationOps.psd1");

    public static string SourceManifest => Path.Combine(Root, "RotationOps.psd1");

    public static string HelpFile => Path.Combine(ModuleDirectory, "en-US", "RotationOps.dll-Help.xml");

    public static string ContractFixtureAssembly => Path.Combine(AppContext.BaseDirectory, "ContractFixture", "ContractFixture.dll");

    public static string ContractFixtureDocs => Path.ChangeExtension(ContractFixtureAssembly, ".xml");

    /// <summary>
    /// PowerShellStandard.Library's System.Management.Automation.dll, exactly as the cmdlets were
    /// compiled against it: found through the restore's own record (package folders and the
    /// package's path), so NUGET_PACKAGES, NuGet.Config and the version in
    /// Directory.Packages.props are all honoured.
    /// </summary>
    public static string PowerShellReference { get; } = FindPowerShellReference();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RotationOps.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No RotationOps.sln above {AppContext.BaseDirectory}.");
    }

    private static string FindPowerShellReference()
    {
        var assets = Path.Combine(Root, "src", "RotationOps", "obj", "project.assets.json");
        using var json = JsonDocument.Parse(File.ReadAllText(assets));
        var package = json.RootElement.GetProperty("libraries").EnumerateObject()
            .First(l => l.Name.StartsWith("PowerShellStandard.Library/", StringComparison.OrdinalIgnoreCase));
        var relative = Path.Combine(package.Value.GetProperty("path").GetString()!, "lib", "netstandard2.0", "System.Management.Automation.dll");
        var folders = json.RootElement.GetProperty("packageFolders").EnumerateObject().Select(f => f.Name)
            .Append(Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? string.Empty)
            .Append(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"))
            .Where(f => f.Length > 0);
        return folders.Select(f => Path.Combine(f, relative)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{relative} is in no NuGet package folder; restore src/RotationOps first.");
    }
}
