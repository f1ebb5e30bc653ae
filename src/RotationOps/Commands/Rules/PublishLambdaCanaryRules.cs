using System.Collections.Generic;
using RotationOps.Engine.Errors;

namespace RotationOps.Commands;

/// <summary>
/// Publish-LambdaCanary's secret-canary parameters, which mean nothing alone. A piped rotation
/// binds them, so they are checked per item, with what the pipeline bound.
/// </summary>
internal static class PublishLambdaCanaryRules
{
    public static readonly IReadOnlyList<ParameterRule> All = new[]
    {
        ParameterRule.Requires("SecretVersionId", new[] { "SecretId" },
            "a secret canary needs the secret as well as its staged version. Add -SecretId, or pipe the rotation from Invoke-SecretRotation -Pending."),
        ParameterRule.Requires("SecretVersionVariable", new[] { "SecretVersionId" },
            "it names the variable that carries a staged secret version to the canary, and no version was given. Add -SecretVersionId (or pipe a rotation staged with -Pending), or leave -SecretVersionVariable out."),
    };
}
