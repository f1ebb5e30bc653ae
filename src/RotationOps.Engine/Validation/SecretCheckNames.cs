namespace RotationOps.Engine.Validation;

/// <summary>The check names Test-RotatedSecret reports and -ExcludeCheck accepts.</summary>
public static class SecretCheckNames
{
    public const string CurrentReadable = "CurrentReadable";
    public const string NoPendingLeft = "NoPendingLeft";
    /// <summary>For a rotation staged with -Pending: its version holds AWSPENDING and is readable.</summary>
    public const string StagedReady = "StagedReady";
    public const string PreviousKept = "PreviousKept";
    public const string ValueChanged = "ValueChanged";
    public const string RequiredKeys = "RequiredKeys";
    public const string RotationEnabled = "RotationEnabled";
    public const string RotationFunctionConfigured = "RotationFunctionConfigured";
    public const string NotOverdue = "NotOverdue";
    public const string TestScript = "TestScript";
    public const string RotationFunctionReady = "RotationFunctionReady";
    public const string ConsumerInvocation = "ConsumerInvocation";
    public const string ConsumerErrorRate = "ConsumerErrorRate";

    public static readonly string[] All =
    {
        CurrentReadable, NoPendingLeft, StagedReady, PreviousKept, ValueChanged, RequiredKeys,
        RotationEnabled, RotationFunctionConfigured, NotOverdue, TestScript,
        RotationFunctionReady, ConsumerInvocation, ConsumerErrorRate,
    };
}
