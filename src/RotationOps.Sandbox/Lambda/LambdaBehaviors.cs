using System;
using RotationOps.Sandbox.Traffic;

namespace RotationOps.Sandbox.Lambda;

/// <summary>
/// Declares what functions do when invoked (they have no code in the Sandbox). $LATEST's behaviour is
/// copied into each version PublishVersion makes; a published version's own behaviour can be changed
/// afterwards, e.g. to make a canary fail. Traffic is caught up first, so minutes already elapsed keep
/// the behaviour they had.
/// </summary>
public sealed class LambdaBehaviors
{
    private readonly FunctionStore store;
    private readonly TrafficDriver traffic;
    private readonly TimeProvider clock;

    internal LambdaBehaviors(FunctionStore store, TrafficDriver traffic, TimeProvider clock)
    {
        this.store = store;
        this.traffic = traffic;
        this.clock = clock;
    }

    /// <summary>Sets the behaviour of the function's $LATEST.</summary>
    /// <exception cref="ArgumentException">No such function, or the behaviour is invalid.</exception>
    public void Set(string functionName, LambdaBehavior behavior) => Set(functionName, FunctionVersion.Latest, behavior);

    /// <summary>Sets the behaviour of <c>$LATEST</c> or of a published version (<c>"3"</c>).</summary>
    /// <exception cref="ArgumentException">No such function or version, or the behaviour is invalid.</exception>
    public void Set(string functionName, string version, LambdaBehavior behavior)
    {
        ArgumentNullException.ThrowIfNull(behavior);
        behavior.Validate();
        lock (store.Gate)
        {
            traffic.CatchUpLocked(clock.GetUtcNow());
            Version(functionName, version).Behavior = behavior;
        }
    }

    /// <summary>
    /// What weeks without invocations do on AWS: the version turns <c>State=Inactive</c>. Its next
    /// invocation fails (502 ResourceNotReadyException) and makes Lambda restore it: Pending for
    /// <see cref="LambdaOptions.ActivationDuration"/>, then Active.
    /// </summary>
    /// <exception cref="ArgumentException">No such function or version.</exception>
    public void Idle(string functionName, string version)
    {
        lock (store.Gate)
        {
            traffic.CatchUpLocked(clock.GetUtcNow());
            Version(functionName, version).Deactivate();
        }
    }

    /// <summary>The behaviour of <c>$LATEST</c> or of a published version.</summary>
    /// <exception cref="ArgumentException">No such function or version.</exception>
    public LambdaBehavior Get(string functionName, string version = FunctionVersion.Latest)
    {
        lock (store.Gate)
        {
            return Version(functionName, version).Behavior;
        }
    }

    private FunctionVersion Version(string functionName, string version)
    {
        store.AdoptRotationFunctions(clock.GetUtcNow());
        var function = store.Find(functionName) ?? throw new ArgumentException($"No Lambda function named {functionName}.", nameof(functionName));
        return function.FindVersion(version) ?? throw new ArgumentException($"Function {functionName} has no version {version}.", nameof(version));
    }
}
