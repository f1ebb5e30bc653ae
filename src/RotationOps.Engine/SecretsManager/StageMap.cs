using System.Collections.Generic;
using System.Linq;

namespace RotationOps.Engine.SecretsManager;

/// <summary>Which version carries which staging label, read from DescribeSecret.VersionIdsToStages.</summary>
public sealed class StageMap
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _versions;

    public StageMap(IReadOnlyDictionary<string, IReadOnlyList<string>> versionIdsToStages)
    {
        _versions = versionIdsToStages;
    }

    public string? Current => OwnerOf(SecretStages.Current);
    public string? Pending => OwnerOf(SecretStages.Pending);
    public string? Previous => OwnerOf(SecretStages.Previous);

    /// <summary>AWSPENDING on a version other than AWSCURRENT: what AWS calls "a previous rotation isn't complete".</summary>
    public string? UnfinishedPending => Pending != null && Pending != Current ? Pending : null;

    public string? OwnerOf(string stage) =>
        _versions.Where(v => v.Value.Contains(stage)).Select(v => v.Key).FirstOrDefault();

    public IReadOnlyList<string> StagesOf(string versionId) =>
        _versions.TryGetValue(versionId, out var stages) ? stages : new string[0];
}
