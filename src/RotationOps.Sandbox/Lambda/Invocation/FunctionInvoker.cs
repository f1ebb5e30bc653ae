using System;
using System.Collections.Generic;
using System.Globalization;
using RotationOps.Sandbox.Downstream;

namespace RotationOps.Sandbox.Lambda.Invocation;

/// <summary>
/// Runs declared behaviour: picks the version an alias routes to, decides failures (secret
/// dependency, then the error-rate credit), counts the invocations on the version and publishes
/// the metrics. One Invoke call and one minute of traffic take the same path, so both obey the same
/// weights and error rates. The caller holds the function store's lock.
/// </summary>
internal sealed class FunctionInvoker(SecretStageReader secrets, DownstreamCredentialStore downstream, LambdaMetrics metrics)
{
    private static readonly FunctionError DownstreamDenied = new("AccessDeniedException", "AccessDenied to downstream");

    /// <summary>The version one call runs: the alias's additional version when the routing credit says so, else <paramref name="primary"/>.</summary>
    public static FunctionVersion Choose(LambdaFunction function, FunctionVersion primary, FunctionAlias? alias) =>
        alias?.Routing is { } routing && alias.TakeAdditional(1) == 1 ? function.RequireVersion(routing.Version) : primary;

    /// <summary>One invocation of <paramref name="version"/>, published under the qualifier the caller named.</summary>
    public InvocationOutcome InvokeOnce(LambdaFunction function, FunctionVersion version, FunctionAlias? alias, string? qualifier, DateTimeOffset now)
    {
        var (tally, denied) = Serve(version, 1, null);
        var series = new InvocationSeries(function.Name, qualifier);
        metrics.Publish(series.Function, now, tally);
        metrics.Publish(series.Resource, now, tally);
        if (alias is not null)
        {
            metrics.Publish(series.Executed(version.Version), now, tally);
        }

        var error = tally.Errors == 0 ? null
            : denied ? DownstreamDenied
            : new FunctionError("InjectedFailure", string.Create(CultureInfo.InvariantCulture,
                $"Declared failure: version {version.Version} fails {version.Behavior.ErrorRate} of its invocations."));
        return new InvocationOutcome(version, error);
    }

    /// <summary>
    /// <paramref name="count"/> invocations through an alias during the minute starting at
    /// <paramref name="at"/>, split by its weights; <paramref name="dependencies"/> remembers each secret
    /// check for the rest of one catch-up, since the secret cannot change meanwhile.
    /// </summary>
    public InvocationTally InvokeThroughAlias(LambdaFunction function, FunctionAlias alias, long count, DateTimeOffset at, InvocationSeries series,
        Dictionary<SecretDependency, bool> dependencies)
    {
        var additional = alias.TakeAdditional(count);
        var total = ServeVersion(function, alias.FunctionVersion, count - additional, at, series, dependencies);
        if (alias.Routing is { } routing)
        {
            total = total.Add(ServeVersion(function, routing.Version, additional, at, series, dependencies));
        }

        metrics.Publish(series.Function, at, total);
        metrics.Publish(series.Resource, at, total);
        return total;
    }

    private InvocationTally ServeVersion(LambdaFunction function, string versionName, long count, DateTimeOffset at, InvocationSeries series,
        Dictionary<SecretDependency, bool> dependencies)
    {
        // A version still Pending refuses invocations (ResourceConflictException): they are neither served nor counted.
        if (count == 0 || function.FindVersion(versionName) is not { } version || !version.IsActive(at))
        {
            return InvocationTally.None;
        }

        var (tally, _) = Serve(version, count, dependencies);
        metrics.Publish(series.Executed(version.Version), at, tally);
        return tally;
    }

    private (InvocationTally Tally, bool DependencyFailed) Serve(FunctionVersion version, long count, Dictionary<SecretDependency, bool>? dependencies)
    {
        var denied = version.Behavior.SecretDependency is { } dependency && !Satisfied(dependency, dependencies);
        var errors = version.Serve(count, denied);
        return (InvocationTally.Of(count, errors, version.Behavior.Latency), denied);
    }

    private bool Satisfied(SecretDependency dependency, Dictionary<SecretDependency, bool>? known)
    {
        if (known is not null && known.TryGetValue(dependency, out var satisfied))
        {
            return satisfied;
        }

        // The value is compared and dropped here; it never reaches a log, a reply or an error message.
        var value = secrets.Read(dependency.SecretId, dependency.Stage);
        satisfied = value is not null && downstream.Accepts(dependency.SecretId, value);
        if (known is not null)
        {
            known[dependency] = satisfied;
        }

        return satisfied;
    }
}
