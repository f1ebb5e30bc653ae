namespace RotationOps;

public enum CheckResult
{
    Passed,
    Failed,
    /// <summary>Worth a look, but not a failure (e.g. AWSPENDING left on the current version).</summary>
    Warning,
    /// <summary>Not applicable here, or excluded with -ExcludeCheck.</summary>
    Skipped,
}
