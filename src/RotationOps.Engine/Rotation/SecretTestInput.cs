using RotationOps.Engine.Security;

namespace RotationOps.Engine.Rotation;

/// <summary>What a test script gets: which secret and version, and the value to try.</summary>
public sealed class SecretTestInput
{
    public SecretTestInput(string secretId, string name, string versionId, string stage, SensitiveValue value)
    {
        SecretId = secretId;
        Name = name;
        VersionId = versionId;
        Stage = stage;
        Value = value;
    }

    public string SecretId { get; }
    public string Name { get; }
    public string VersionId { get; }
    /// <summary>AWSPENDING during a rotation, AWSCURRENT in Test-RotatedSecret.</summary>
    public string Stage { get; }
    public SensitiveValue Value { get; }
}
