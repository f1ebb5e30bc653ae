using System;
using RotationOps.Sandbox.Lambda;
using RotationOps.Sandbox.Lambda.Invocation;

namespace RotationOps.Sandbox.Traffic;

/// <summary>
/// One stream of simulated callers invoking an alias at a steady rate on the virtual clock. Its
/// invocations exist once the minute they fall in has fully elapsed and the Sandbox has caught up
/// (at the start of every request, or <see cref="TrafficDriver.CatchUp"/>).
/// </summary>
public sealed class TrafficHandle
{
    private readonly TrafficDriver driver;
    private readonly CreditAccumulator perMinute = new();

    internal TrafficHandle(TrafficDriver driver, string id, string functionName, string aliasName, double invocationsPerMinute, DateTimeOffset startedAt)
    {
        this.driver = driver;
        Id = id;
        FunctionName = functionName;
        AliasName = aliasName;
        InvocationsPerMinute = invocationsPerMinute;
        StartedAt = startedAt;
        GeneratedUntil = startedAt;
        Series = new InvocationSeries(functionName, aliasName);
    }

    /// <summary>Identifier for the control surface (<c>DELETE /_sandbox/traffic/{id}</c>).</summary>
    public string Id { get; }

    public string FunctionName { get; }

    public string AliasName { get; }

    public double InvocationsPerMinute { get; }

    /// <summary>The virtual instant the stream started; its minutes are counted from here.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The end of the last minute generated so far.</summary>
    public DateTimeOffset GeneratedUntil { get; internal set; }

    /// <summary>Invocations generated so far (a Pending version's share is refused, not counted).</summary>
    public long Invocations { get; internal set; }

    /// <summary>Of those, the ones that failed.</summary>
    public long Errors { get; internal set; }

    /// <summary>Whether the stream has stopped: by <see cref="Stop"/>, or because its function or alias went away.</summary>
    public bool IsStopped { get; internal set; }

    internal InvocationSeries Series { get; }

    /// <summary>Generates the minutes that have fully elapsed, then stops the stream.</summary>
    public void Stop() => driver.Stop(this);

    /// <summary>How many calls the next minute brings; fractional rates carry over, so 0.5/min is one call every other minute.</summary>
    internal long TakeMinute() => perMinute.Take(1, InvocationsPerMinute);
}
