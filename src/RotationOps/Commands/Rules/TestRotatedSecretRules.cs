using System.Collections.Generic;
using RotationOps.Engine.Errors;

namespace RotationOps.Commands;

/// <summary>
/// Test-RotatedSecret's consumer parameters, which mean nothing without a consumer. -Qualifier
/// and -Payload are checked by the engine on the request; the error-rate ceiling has a default,
/// so only the command knows it was given.
/// </summary>
internal static class TestRotatedSecretRules
{
    public static readonly IReadOnlyList<ParameterRule> All = new[]
    {
        ParameterRule.Requires("MaxConsumerErrorRate", new[] { "FunctionName" },
            "it is the most errors the consumer function may have had since the rotation, and no consumer was given. Add -FunctionName, or leave -MaxConsumerErrorRate out."),
    };
}
