using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Hosting;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Records;
using RotationOps.Engine.Lambda;

namespace RotationOps.Engine.Canary;

/// <summary>
/// The three alias moves a deployment makes, each journaled and guarded by the RevisionId the
/// caller last saw, so a concurrent deployer's change makes AWS answer 412 instead of being
/// overwritten. Every move leaves the alias on published versions only.
/// </summary>
internal sealed class AliasRouter
{
    private readonly ILambdaClient _client;
    private readonly JournaledMutation _mutation;
    private readonly IRunbookHost _host;

    public AliasRouter(ILambdaClient client, JournaledMutation mutation, IRunbookHost host)
    {
        _client = client;
        _mutation = mutation;
        _host = host;
    }

    /// <summary>Stable version with <paramref name="weight"/> routed to the canary.</summary>
    public Task<AliasConfiguration> RouteAsync(CanaryRun deployment, string? revisionId, double weight) =>
        UpdateAsync(deployment, revisionId, deployment.StableVersion,
            new Dictionary<string, double> { [deployment.CanaryVersion] = weight }, weight, $"Route {weight:0.####} to {deployment.CanaryVersion}");

    /// <summary>All traffic on the canary, routing cleared.</summary>
    public Task<AliasConfiguration> PromoteAsync(CanaryRun deployment, string? revisionId) =>
        UpdateAsync(deployment, revisionId, deployment.CanaryVersion, new Dictionary<string, double>(), 1, "Promote");

    /// <summary>All traffic on <paramref name="version"/>, routing cleared.</summary>
    public Task<AliasConfiguration> RestoreAsync(CanaryRun deployment, string? revisionId, string version) =>
        UpdateAsync(deployment, revisionId, version, new Dictionary<string, double>(), 0, $"Restore {version}");

    /// <remarks>
    /// The call is not cancelled by Ctrl+C or a stopped pipeline: AWS applies an alias update
    /// whole or not at all, and a call abandoned mid-flight would leave the journal unsure which
    /// happened. It runs to its answer (the client's timeout bounds it); the next await stops.
    /// </remarks>
    private Task<AliasConfiguration> UpdateAsync(CanaryRun deployment, string? revisionId, string functionVersion,
        IDictionary<string, double> weights, double canaryWeight, string move) =>
        _mutation.RunAsync(deployment.DeploymentId, "UpdateAlias", DeploymentRecords.TargetOf(deployment),
            JournalDetails.Of(("Move", move), ("FunctionVersion", functionVersion), ("StableVersion", deployment.StableVersion),
                ("CanaryVersion", deployment.CanaryVersion), ("Weight", canaryWeight.ToString("R", CultureInfo.InvariantCulture)),
                ("RevisionId", revisionId ?? "(unguarded: -Force)")),
            () => _client.UpdateAliasAsync(new UpdateAliasRequest
            {
                FunctionName = deployment.FunctionName,
                Name = deployment.AliasName,
                FunctionVersion = functionVersion,
                AdditionalVersionWeights = weights,
                RevisionId = revisionId,
            }, CancellationToken.None),
            () => AliasIfMovedAsync(deployment, functionVersion, weights));

    /// <summary>
    /// The alias, if it already routes as this move meant to (the update was made though its
    /// answer was lost); null if it does not, so the move is reported as not made.
    /// </summary>
    private async Task<AliasConfiguration?> AliasIfMovedAsync(CanaryRun deployment, string functionVersion, IDictionary<string, double> weights)
    {
        var alias = await _client.GetAliasAsync(deployment.FunctionName, deployment.AliasName, CancellationToken.None).ConfigureAwait(false);
        bool moved = alias.FunctionVersion == functionVersion && alias.AdditionalVersionWeights.Count == weights.Count &&
                     weights.All(w => alias.AdditionalVersionWeights.TryGetValue(w.Key, out var actual) && Math.Abs(actual - w.Value) < 1e-9);
        return moved ? alias : null;
    }
}
