namespace RotationOps.Engine.Rotation;

public sealed class SecretTestOutcome
{
    public SecretTestOutcome(bool passed, string detail)
    {
        Passed = passed;
        Detail = detail;
    }

    public bool Passed { get; }
    /// <summary>Why it failed, as the script said it (the script must not echo the value).</summary>
    public string Detail { get; }
}
