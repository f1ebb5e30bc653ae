namespace RotationOps;

/// <summary>One row of a secret validation: the check, its result, and the evidence.</summary>
public sealed class SecretCheck
{
    public SecretCheck(string name, CheckResult result, string detail)
    {
        Name = name;
        Result = result;
        Detail = detail;
    }

    public string Name { get; }
    public CheckResult Result { get; }
    /// <summary>The facts behind the result (dates, version ids, key names) — never a value.</summary>
    public string Detail { get; }

    public override string ToString() => $"{Name}: {Result} ({Detail})";
}
