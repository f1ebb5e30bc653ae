using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.SecretsManager.Rotation;

namespace RotationOps.Sandbox.SecretsManager;

/// <summary>A secret: its metadata, its versions in creation order, and its rotation state.</summary>
internal sealed class Secret(string name, string arn, DateTimeOffset createdDate)
{
    public string Name { get; } = name;

    public string Arn { get; } = arn;

    public string? Description { get; set; }

    public string? KmsKeyId { get; set; }

    public DateTimeOffset CreatedDate { get; } = createdDate;

    public DateTimeOffset LastChangedDate { get; set; } = createdDate;

    public DateTimeOffset? LastAccessedDate { get; set; }

    public DateTimeOffset? LastRotatedDate { get; set; }

    /// <summary>When DeleteSecret was called; null for a live secret.</summary>
    public DateTimeOffset? DeletedDate { get; set; }

    /// <summary>When a secret marked for deletion disappears for good.</summary>
    public DateTimeOffset? DeletionDate { get; set; }

    /// <summary>Null until RotateSecret first configures rotation, so DescribeSecret can omit RotationEnabled.</summary>
    public RotationConfiguration? Rotation { get; set; }

    /// <summary>The rotation whose steps are still running, if any.</summary>
    public RotationRun? ActiveRun { get; set; }

    public List<SecretTag> Tags { get; } = new();

    public List<SecretVersion> Versions { get; } = new();

    /// <summary>What happened to rotations of this secret, in the spirit of the CloudTrail rotation events.</summary>
    public List<RotationEvent> RotationEvents { get; } = new();

    public bool IsDeleted => DeletedDate is not null;

    public SecretVersion? VersionById(string versionId) =>
        Versions.FirstOrDefault(v => string.Equals(v.VersionId, versionId, StringComparison.Ordinal));

    public SecretVersion? VersionWithStage(string stage) => Versions.FirstOrDefault(v => v.HasStage(stage));

    public IEnumerable<SecretVersion> LabelledVersions => Versions.Where(v => !v.IsDeprecated);
}
