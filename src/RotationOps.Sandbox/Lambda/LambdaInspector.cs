using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.Traffic;

namespace RotationOps.Sandbox.Lambda;

/// <summary>
/// A test-only, read-only view of Lambda state: functions, versions, aliases with their weights and
/// invocation counts per version. Each read first catches traffic up with the virtual clock.
/// </summary>
public sealed class LambdaInspector
{
    private readonly FunctionStore store;
    private readonly TrafficDriver traffic;
    private readonly TimeProvider clock;

    internal LambdaInspector(FunctionStore store, TrafficDriver traffic, TimeProvider clock)
    {
        this.store = store;
        this.traffic = traffic;
        this.clock = clock;
    }

    /// <summary>Every function, by name.</summary>
    public IReadOnlyList<LambdaFunctionSnapshot> Functions
    {
        get
        {
            lock (store.Gate)
            {
                var now = BringUpToDate();
                return store.All.Select(f => Snapshot(f, now)).ToList();
            }
        }
    }

    /// <summary>The function with this name; null when there is none.</summary>
    public LambdaFunctionSnapshot? Find(string functionName)
    {
        lock (store.Gate)
        {
            var now = BringUpToDate();
            return store.Find(functionName) is { } function ? Snapshot(function, now) : null;
        }
    }

    private DateTimeOffset BringUpToDate()
    {
        var now = clock.GetUtcNow();
        traffic.CatchUpLocked(now);
        store.AdoptRotationFunctions(now);
        return now;
    }

    private static LambdaFunctionSnapshot Snapshot(LambdaFunction function, DateTimeOffset now) => new(
        function.Name,
        function.Arn,
        function.IsUpdating(now) ? "InProgress" : "Successful",
        function.AllVersions.Select(v => new LambdaVersionSnapshot(
            v.Version, v.State(now), v.Settings.Runtime, v.Settings.Role, v.Settings.Description, v.Code.Sha256, v.RevisionId, v.Behavior, v.Invocations, v.Errors)).ToList(),
        function.Aliases.Values.Select(a => new LambdaAliasSnapshot(
            a.Name,
            a.FunctionVersion,
            a.Weights,
            a.RevisionId)).ToList());
}
