using System.Collections.Generic;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.SecretsManager
{
    public sealed class CreateSecretRequest
    {
        public string Name { get; set; } = "";
        public string? Description { get; set; }
        public string? ClientRequestToken { get; set; }
        /// <summary>Optional initial value (SecretString or SecretBinary by IsBinary).</summary>
        public SensitiveValue? Value { get; set; }
        public IDictionary<string, string>? Tags { get; set; }
    }

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

    public sealed class UpdateSecretRequest
    {
        public string SecretId { get; set; } = "";
        public string? ClientRequestToken { get; set; }
        public SensitiveValue? Value { get; set; }
        public string? Description { get; set; }
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

    public sealed class ListSecretsRequest
    {
        /// <summary>Filters by key ("name", "tag-key", "tag-value", "description", "primary-region", "all").</summary>
        public IList<KeyValuePair<string, IList<string>>> Filters { get; set; } = new List<KeyValuePair<string, IList<string>>>();
        public bool IncludePlannedDeletion { get; set; }
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
}
