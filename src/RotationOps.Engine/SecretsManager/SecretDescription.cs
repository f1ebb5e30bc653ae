using System;
using System.Collections.Generic;

namespace RotationOps.Engine.SecretsManager;

/// <summary>DescribeSecret's answer (metadata only, never a value).</summary>
public sealed class SecretDescription
{
    public string Arn { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? KmsKeyId { get; set; }

    /// <summary>Null when rotation was never configured (AWS leaves the field out).</summary>
    public bool? RotationEnabled { get; set; }
    public string? RotationLambdaArn { get; set; }
    public RotationRules? RotationRules { get; set; }
    public DateTimeOffset? LastRotatedDate { get; set; }
    public DateTimeOffset? LastChangedDate { get; set; }
    public DateTimeOffset? LastAccessedDate { get; set; }
    public DateTimeOffset? NextRotationDate { get; set; }
    public DateTimeOffset? CreatedDate { get; set; }
    public DateTimeOffset? DeletedDate { get; set; }

    /// <summary>Labelled versions only: AWS leaves unlabelled (deprecated) versions out.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> VersionIdsToStages { get; set; } =
        new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
}
