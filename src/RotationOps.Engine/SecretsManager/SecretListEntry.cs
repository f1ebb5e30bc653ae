using System;

namespace RotationOps.Engine.SecretsManager
{
    /// <summary>One entry of ListSecrets.</summary>
    public sealed class SecretListEntry
    {
        public string Arn { get; set; } = "";
        public string Name { get; set; } = "";
        public bool? RotationEnabled { get; set; }
        public string? RotationLambdaArn { get; set; }
        public DateTimeOffset? LastRotatedDate { get; set; }
        public DateTimeOffset? NextRotationDate { get; set; }
    }
}
