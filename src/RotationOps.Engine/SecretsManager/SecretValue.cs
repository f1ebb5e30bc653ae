using System;
using System.Collections.Generic;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.SecretsManager;

/// <summary>GetSecretValue's answer. Dispose it to zero the value.</summary>
public sealed class SecretValue : IDisposable
{
    public string Arn { get; set; } = "";
    public string Name { get; set; } = "";
    public string VersionId { get; set; } = "";
    public IReadOnlyList<string> VersionStages { get; set; } = new string[0];
    public DateTimeOffset? CreatedDate { get; set; }

    /// <summary>SecretString or SecretBinary; <see cref="SensitiveValue.IsBinary"/> tells which.</summary>
    public SensitiveValue Value { get; set; } = null!;

    public void Dispose() => Value?.Dispose();
}
