using System;
using System.Linq;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Lambda;
using RotationOps.Engine.Text;

namespace RotationOps.Engine.Canary;

/// <summary>
/// Before a shift starts or resumes, the alias must still be where the deployment left it:
/// on the stable version with the canary at the recorded weight. Anything else means someone
/// changed it outside this deployment — most often an operator's emergency rollback — and
/// moving on would put the canary they just pulled back into traffic.
/// </summary>
internal static class DeploymentAliasCheck
{
    /// <summary>Weights come back from AWS as the doubles that were sent; this only absorbs rounding.</summary>
    private const double WeightTolerance = 1e-6;

    public static void Ensure(AliasConfiguration alias, CanaryRun deployment, bool force)
    {
        if (force || Matches(alias, deployment)) return;
        string function = deployment.FunctionName;
        string rerun = $"Set-AliasWeight -DeploymentId {deployment.DeploymentId} ... -Force";
        bool rolledBack = alias.FunctionVersion == deployment.StableVersion && alias.AdditionalVersionWeights.Count == 0;
        string safe = rolledBack
            ? $"The canary is out of traffic, so nothing needs undoing. To try version {deployment.CanaryVersion} again, start a new canary: " +
              $"Publish-LambdaCanary -FunctionName {function} -AliasName {deployment.AliasName} -Version {deployment.CanaryVersion} -Weight 0.05. " +
              $"To route this deployment's canary anyway: {rerun}."
            : $"To put it back on version {deployment.StableVersion} alone: Undo-Deployment -DeploymentId {deployment.DeploymentId} (-Force if it refuses). " +
              $"To move it anyway: {rerun}.";
        throw new RunbookException("AliasChanged", RunbookErrorCategory.InvalidOperation,
            $"Alias {function}:{deployment.AliasName} was changed outside deployment {deployment.DeploymentId}: it now serves {Describe(alias)}, " +
            $"but the deployment left it on version {deployment.StableVersion}" +
            (deployment.Weight > 0 ? $" with {Percent.Of(deployment.Weight, 1)} on version {deployment.CanaryVersion}" : " alone") +
            ". Nothing was moved. " + safe,
            function, "Force");
    }

    private static bool Matches(AliasConfiguration alias, CanaryRun deployment)
    {
        if (alias.FunctionVersion != deployment.StableVersion) return false;
        if (deployment.Weight <= 0) return alias.AdditionalVersionWeights.Count == 0;
        return alias.AdditionalVersionWeights.Count == 1
            && alias.AdditionalVersionWeights.TryGetValue(deployment.CanaryVersion, out double weight)
            && Math.Abs(weight - deployment.Weight) < WeightTolerance;
    }

    /// <summary>"version 1 alone" or "version 1 with 25.0% on version 2".</summary>
    private static string Describe(AliasConfiguration alias) =>
        $"version {alias.FunctionVersion}" + (alias.AdditionalVersionWeights.Count == 0
            ? " alone"
            : " with " + string.Join(", ", alias.AdditionalVersionWeights.Select(p => $"{Percent.Of(p.Value, 1)} on version {p.Key}")));
}
