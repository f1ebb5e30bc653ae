using System;
using System.Collections.Generic;

namespace RotationOps.Sandbox.SecretsManager;

/// <summary>One version of a secret. RotateSecret's AWSPENDING placeholder is a version without a value.</summary>
internal sealed class SecretVersion(string versionId, SecretValue? value, DateTimeOffset createdDate)
{
    public string VersionId { get; } = versionId;

    /// <summary>Null for the empty placeholder RotateSecret creates, until a PutSecretValue fills it.</summary>
    public SecretValue? Value { get; set; } = value;

    public DateTimeOffset CreatedDate { get; } = createdDate;

    public DateTimeOffset? LastAccessedDate { get; set; }

    /// <summary>Staging labels, in the order they were attached.</summary>
    public List<string> Stages { get; } = new();

    public bool HasStage(string stage) => Stages.Contains(stage);

    /// <summary>A version without labels is deprecated: hidden from listings and eventually deleted.</summary>
    public bool IsDeprecated => Stages.Count == 0;
}
