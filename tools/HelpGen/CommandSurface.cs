using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace RotationOps.HelpGen;

/// <summary>
/// The names a script may use: each cmdlet with its parameters and aliases. The PowerShell parse
/// check (tests/parse) reads this JSON to prove that examples and tests call what exists.
/// </summary>
public static class CommandSurface
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string ToJson(IEnumerable<CmdletDescription> cmdlets) => JsonSerializer.Serialize(
        new SurfaceDocument(cmdlets.Select(c => new SurfaceCmdlet(
            c.Name,
            c.SupportsShouldProcess,
            c.Parameters.Select(p => new SurfaceParameter(p.Name, p.Aliases)).ToList())).ToList()),
        Options);

    public static void Write(IEnumerable<CmdletDescription> cmdlets, string path) => File.WriteAllText(path, ToJson(cmdlets));

    private sealed record SurfaceDocument(IReadOnlyList<SurfaceCmdlet> Cmdlets);

    private sealed record SurfaceCmdlet(string Name, bool SupportsShouldProcess, IReadOnlyList<SurfaceParameter> Parameters);

    private sealed record SurfaceParameter(string Name, IReadOnlyList<string> Aliases);
}
