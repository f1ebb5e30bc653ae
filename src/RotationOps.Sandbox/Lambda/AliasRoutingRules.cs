using System.Collections.Generic;
using System.Linq;

namespace RotationOps.Sandbox.Lambda;

/// <summary>
/// The rules AWS applies to an alias's RoutingConfig, in AWS's order: the model's own constraints on
/// keys and weights first, then at most one additional version, never with $LATEST, never the alias's
/// own version, an existing version, and both versions sharing execution role and dead-letter config.
/// </summary>
internal static class AliasRoutingRules
{
    /// <summary>Validates the weights for an alias on <paramref name="functionVersion"/>; an empty map means no routing.</summary>
    public static AliasRouting? Validate(LambdaFunction function, string functionVersion, IReadOnlyDictionary<string, double> weights)
    {
        foreach (var (version, weight) in weights)
        {
            if (version.Length == 0 || !version.All(char.IsAsciiDigit))
            {
                throw LambdaErrors.RoutingKeyInvalid(version, weight);
            }

            if (weight is < 0 or > 1 || double.IsNaN(weight))
            {
                throw LambdaErrors.RoutingWeightOutOfRange(version, weight);
            }
        }

        if (weights.Count == 0)
        {
            return null;
        }

        if (weights.Count > 1)
        {
            throw LambdaErrors.TooManyRoutingVersions();
        }

        var (additional, share) = weights.Single();
        if (functionVersion == FunctionVersion.Latest)
        {
            throw LambdaErrors.LatestWithRouting();
        }

        if (additional == functionVersion)
        {
            throw LambdaErrors.VersionAlreadyInRouting(functionVersion);
        }

        var primary = function.RequireVersion(functionVersion);
        var extra = function.RequireVersion(additional);
        if (primary.Settings.Role != extra.Settings.Role)
        {
            throw LambdaErrors.DifferentExecutionRoles();
        }

        if (primary.Settings.DeadLetterTargetArn != extra.Settings.DeadLetterTargetArn)
        {
            throw LambdaErrors.DifferentDeadLetterConfigs();
        }

        return new AliasRouting(additional, share);
    }
}
