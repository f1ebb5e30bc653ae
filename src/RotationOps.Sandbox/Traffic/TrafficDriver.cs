using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.Lambda;
using RotationOps.Sandbox.Lambda.Invocation;

namespace RotationOps.Sandbox.Traffic;

/// <summary>
/// Simulated callers invoking aliases at a rate on the virtual clock, for canary analysis against
/// real-looking AWS/Lambda metrics. Nothing runs in the background: catching up generates, for every
/// whole virtual minute elapsed, that minute's invocations — split by the alias's weights and the
/// versions' declared behaviour — and publishes them as one datum per metric series per minute.
/// </summary>
/// <remarks>
/// Weights and behaviours are read at catch-up time. Since every request catches up before it can
/// change an alias, and <see cref="LambdaBehaviors"/> catches up before changing a behaviour, those
/// are exactly the values that held during the elapsed minutes. Secret state is read once per
/// catch-up too, so a rotation that completes within a skipped stretch counts from its start.
/// </remarks>
public sealed class TrafficDriver
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly List<TrafficHandle> streams = new();
    private readonly FunctionStore store;
    private readonly FunctionInvoker invoker;
    private readonly TimeProvider clock;
    private int lastId;

    internal TrafficDriver(FunctionStore store, FunctionInvoker invoker, TimeProvider clock)
    {
        this.store = store;
        this.invoker = invoker;
        this.clock = clock;
    }

    /// <summary>The streams still running, in the order they started.</summary>
    public IReadOnlyList<TrafficHandle> Streams
    {
        get
        {
            lock (store.Gate)
            {
                CatchUpLocked(clock.GetUtcNow());
                return streams.ToList();
            }
        }
    }

    /// <summary>Starts invoking <paramref name="aliasName"/> of <paramref name="functionName"/>; the first minute counts from now.</summary>
    /// <exception cref="ArgumentException">The function or alias does not exist, or the rate is not positive.</exception>
    public TrafficHandle Drive(string functionName, string aliasName, double invocationsPerMinute)
    {
        if (!(invocationsPerMinute > 0) || double.IsInfinity(invocationsPerMinute))
        {
            throw new ArgumentException("The rate must be a positive number of invocations per minute.", nameof(invocationsPerMinute));
        }

        lock (store.Gate)
        {
            var now = clock.GetUtcNow();
            CatchUpLocked(now);
            store.AdoptRotationFunctions(now);
            var function = store.Find(functionName) ?? throw new ArgumentException($"No Lambda function named {functionName}.", nameof(functionName));
            if (!function.Aliases.ContainsKey(aliasName))
            {
                throw new ArgumentException($"Function {functionName} has no alias {aliasName}.", nameof(aliasName));
            }

            var handle = new TrafficHandle(this, $"traffic-{++lastId}", functionName, aliasName, invocationsPerMinute, now);
            streams.Add(handle);
            return handle;
        }
    }

    /// <summary>The running stream with this id, or null.</summary>
    public TrafficHandle? Find(string id)
    {
        lock (store.Gate)
        {
            return streams.FirstOrDefault(s => s.Id == id);
        }
    }

    /// <summary>Generates every whole minute elapsed on the virtual clock; the Sandbox does this at the start of every request.</summary>
    public void CatchUp()
    {
        lock (store.Gate)
        {
            CatchUpLocked(clock.GetUtcNow());
        }
    }

    /// <summary>Stops every stream, after generating the minutes that have fully elapsed.</summary>
    public void StopAll()
    {
        lock (store.Gate)
        {
            CatchUpLocked(clock.GetUtcNow());
            foreach (var stream in streams)
            {
                stream.IsStopped = true;
            }

            streams.Clear();
        }
    }

    internal void Stop(TrafficHandle handle)
    {
        lock (store.Gate)
        {
            CatchUpLocked(clock.GetUtcNow());
            handle.IsStopped = true;
            streams.Remove(handle);
        }
    }

    /// <summary>Catches up; the caller holds the function store's lock.</summary>
    internal void CatchUpLocked(DateTimeOffset now)
    {
        if (streams.Count == 0)
        {
            return;
        }

        var dependencies = new Dictionary<SecretDependency, bool>();
        foreach (var stream in streams.ToList())
        {
            while (stream.GeneratedUntil + Minute <= now)
            {
                var function = store.Find(stream.FunctionName);
                if (function?.Aliases.GetValueOrDefault(stream.AliasName) is not { } alias)
                {
                    stream.IsStopped = true;
                    streams.Remove(stream);
                    break;
                }

                var count = stream.TakeMinute();
                if (count > 0)
                {
                    var tally = invoker.InvokeThroughAlias(function, alias, count, stream.GeneratedUntil, stream.Series, dependencies);
                    stream.Invocations += tally.Invocations;
                    stream.Errors += tally.Errors;
                }

                stream.GeneratedUntil += Minute;
            }
        }
    }
}
