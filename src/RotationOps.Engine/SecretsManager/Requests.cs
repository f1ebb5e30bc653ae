using System.Collections.Generic;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.SecretsManager;

public sealed class PutSecretValueRequest
{
    public string SecretId { get; set; } = "";
    /// <summary>32–64 characters; becomes the VersionId. Reusing it makes a retry idempotent.</summary>
    public string ClientRequestToken { get; set; } = "";
    public SensitiveValue Value { get; set; } = null!;
    /// <summary>Null: AWS moves AWSCURRENT to the new version. Given: only these labels.</summary>
    public IList<string>? VersionStages { get; set; }
    public string? RotationToken { get; set; }
}

public sealed class UpdateSecretVersionStageRequest
{
    public string SecretId { get; set; } = "";
    public string VersionStage { get; set; } = "";
    public string? MoveToVersionId { get; set; }
    public string? RemoveFromVersionId { get; set; }
}

public sealed class RotateSecretRequest
{
    public string SecretId { get; set; } = "";
    public string? ClientRequestToken { get; set; }
    public string? RotationLambdaArn { get; set; }
    public RotationRules? RotationRules { get; set; }
    /// <summary>Null leaves AWS's default (true).</summary>
    public bool? RotateImmediately { get; set; }
}

public sealed class RandomPasswordRequest
{
    public int? PasswordLength { get; set; }
    public string? ExcludeCharacters { get; set; }
    public bool? ExcludeNumbers { get; set; }
    public bool? ExcludePunctuation { get; set; }
    public bool? ExcludeUppercase { get; set; }
    public bool? ExcludeLowercase { get; set; }
    public bool? IncludeSpace { get; set; }
    public bool? RequireEachIncludedType { get; set; }
}
