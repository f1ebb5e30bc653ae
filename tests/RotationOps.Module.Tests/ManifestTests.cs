using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RotationOps.Module.Tests.Infrastructure;

namespace RotationOps.Module.Tests;

/// <summary>RotationOps.psd1: what Import-Module and the PowerShell Gallery read.</summary>
public sealed class ManifestTests
{
    private static readonly Dictionary<string, object?> Manifest = Psd1Reader.ReadHashtable(File.ReadAllText(RepositoryPaths.SourceManifest));

    [Fact]
    public void The_built_module_carries_the_current_manifest() =>
        Assert.Equal(File.ReadAllText(RepositoryPaths.SourceManifest), File.ReadAllText(RepositoryPaths.BuiltManifest));

    [Fact]
    public void CmdletsToExport_lists_exactly_the_cmdlets_in_the_assembly() =>
        Assert.Equal(
            BuiltModule.Cmdlets.Select(c => c.Name).Order(StringComparer.Ordinal),
            Strings("CmdletsToExport").Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("FunctionsToExport")]
    [InlineData("AliasesToExport")]
    [InlineData("VariablesToExport")]
    public void Nothing_else_is_exported(string key) => Assert.Empty(Strings(key));

    [Fact]
    public void The_root_module_is_the_cmdlet_assembly() => Assert.Equal("RotationOps.dll", Manifest["RootModule"]);

    [Fact]
    public void ModuleVersion_matches_the_assembly_version()
    {
        var version = BuiltModule.Metadata.Assembly.GetName().Version!;

        Assert.Equal("0.1.0", Manifest["ModuleVersion"]);
        Assert.Equal(Version.Parse((string)Manifest["ModuleVersion"]!), new Version(version.Major, version.Minor, version.Build));
    }

    [Fact]
    public void The_guid_is_fixed_and_well_formed() => Assert.True(Guid.TryParse((string?)Manifest["GUID"], out var guid) && guid != Guid.Empty);

    [Fact]
    public void It_runs_on_Windows_PowerShell_5_1_and_PowerShell_7()
    {
        Assert.Equal(["Core", "Desktop"], Strings("CompatiblePSEditions").Order());
        Assert.Equal("5.1", Manifest["PowerShellVersion"]);
    }

    [Fact]
    public void Every_format_file_is_in_the_module_folder()
    {
        var formats = Strings("FormatsToProcess");

        Assert.NotEmpty(formats);
        Assert.All(formats, f => Assert.True(File.Exists(Path.Combine(RepositoryPaths.ModuleDirectory, f)), $"{f} is not in out/RotationOps/."));
    }

    [Fact]
    public void The_gallery_metadata_is_filled_in()
    {
        var psData = (Dictionary<string, object?>)((Dictionary<string, object?>)Manifest["PrivateData"]!)["PSData"]!;

        Assert.NotEmpty(AsStrings(psData["Tags"]));
        Assert.All(AsStrings(psData["Tags"]), t => Assert.DoesNotContain(' ', t));
        Assert.False(string.IsNullOrWhiteSpace(psData["ReleaseNotes"] as string));
        Assert.DoesNotContain(psData.Values.OfType<string>(), v => v.Contains("example.com", StringComparison.OrdinalIgnoreCase) || v.Contains("TODO", StringComparison.Ordinal));
    }

    private static List<string> Strings(string key) => AsStrings(Manifest[key]);

    /// <summary>A one-element PowerShell array may be written without @( ), so a lone string counts as a list.</summary>
    private static List<string> AsStrings(object? value) => value switch
    {
        string s => [s],
        List<object?> items => items.Cast<string>().ToList(),
        _ => throw new InvalidOperationException($"Expected a string or an array, got {value?.GetType().Name ?? "$null"}."),
    };
}
