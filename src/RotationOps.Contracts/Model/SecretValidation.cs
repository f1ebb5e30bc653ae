using System;
using System.Collections.Generic;
using System.Linq;

namespace RotationOps;

/// <summary>
/// What Test-RotatedSecret produces, one per secret: every check with its result and evidence.
/// Passes on SecretId, VersionId and DeploymentId so it pipes on like the rotation it checked.
/// </summary>
public sealed class SecretValidation
{
    public string SecretId { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The AWSCURRENT version that was checked.</summary>
    public string? VersionId { get; set; }
    public string? PreviousVersionId { get; set; }
    /// <summary>Carried over from a piped rotation, so the next cmdlet can still undo it.</summary>
    public string? DeploymentId { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
    public IReadOnlyList<SecretCheck> Checks { get; set; } = Array.Empty<SecretCheck>();

    /// <summary>True when no check failed (warnings and skipped checks do not fail it).</summary>
    public bool Passed => Checks.All(c => c.Result != CheckResult.Failed);

    public string[] FailedChecks => Checks.Where(c => c.Result == CheckResult.Failed).Select(c => c.Name).ToArray();

    public override string ToString() => $"{Name} {(Passed ? "Passed" : "Failed: " + string.Join(", ", FailedChecks))}";
}
