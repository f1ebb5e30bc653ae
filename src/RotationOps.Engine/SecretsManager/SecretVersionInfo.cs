using System;
using System.Collections.Generic;

namespace RotationOps.Engine.SecretsManager
{
    /// <summary>One entry of ListSecretVersionIds.</summary>
    public sealed class SecretVersionInfo
    {
        public string VersionId { get; set; } = "";
        public IReadOnlyList<string> VersionStages { get; set; } = new string[0];
        public DateTimeOffset? CreatedDate { get; set; }
        public DateTimeOffset? LastAccessedDate { get; set; }
    }
}
