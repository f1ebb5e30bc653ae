using System;

namespace RotationOps.Sandbox.Lambda;

/// <summary>
/// $LATEST or one published version: configuration, code identity, lifecycle timestamps, the
/// declared behaviour, and what invocations it has served.
/// </summary>
internal sealed class FunctionVersion(string version, FunctionSettings settings, FunctionCode code, DateTimeOffset lastModified, DateTimeOffset activeAt, LambdaBehavior behavior)
{
    public const string Latest = "$LATEST";

    private readonly CreditAccumulator errorCredit = new();

    /// <summary>The random failures of a behaviour with an ErrorSeed; made anew when the seed changes.</summary>
    private (int Seed, Random Draws)? errorDraws;

    public string Version { get; } = version;

    public bool IsLatest => Version == Latest;

    public FunctionSettings Settings { get; set; } = settings;

    public FunctionCode Code { get; set; } = code;

    public DateTimeOffset LastModified { get; set; } = lastModified;

    public string RevisionId { get; set; } = Guid.NewGuid().ToString();

    /// <summary>Until this instant the version is <c>State=Pending</c>.</summary>
    public DateTimeOffset ActiveAt { get; private set; } = activeAt;

    /// <summary>
    /// <c>State=Inactive</c>: idle long enough for Lambda to reclaim its resources. Nothing runs
    /// until an invocation makes Lambda restore it (<see cref="Reactivate"/>).
    /// </summary>
    public bool IsInactive { get; private set; }

    /// <summary>Pending because Lambda is restoring an Inactive version, not creating a new one.</summary>
    private bool restoring;

    /// <summary>For a published version, what $LATEST held when it was published.</summary>
    public (FunctionSettings Settings, string CodeSha256)? PublishedFrom { get; init; }

    public LambdaBehavior Behavior { get; set; } = behavior;

    public long Invocations { get; private set; }

    public long Errors { get; private set; }

    public bool IsActive(DateTimeOffset now) => !IsInactive && now >= ActiveAt;

    public string State(DateTimeOffset now) => IsInactive ? "Inactive" : IsActive(now) ? "Active" : "Pending";

    /// <summary>StateReason and StateReasonCode, which Lambda sends for every state but Active.</summary>
    public (string Reason, string Code)? StateReason(DateTimeOffset now) =>
        IsInactive ? ("The function is inactive: it has been idle and its resources were reclaimed.", "Idle")
        : IsActive(now) ? null
        : restoring ? ("The function is being restored.", "Restoring")
        : ("The function is being created.", "Creating");

    /// <summary>What an idle spell does on AWS (weeks without invocations): the version turns Inactive.</summary>
    public void Deactivate() => IsInactive = true;

    /// <summary>An invocation of an Inactive version: Lambda refuses it and restores the version, Pending until <paramref name="activeAt"/>.</summary>
    public void Reactivate(DateTimeOffset activeAt)
    {
        IsInactive = false;
        restoring = true;
        ActiveAt = activeAt;
    }

    /// <summary>
    /// Counts <paramref name="invocations"/> served and returns how many failed: all of them when
    /// <paramref name="allFail"/> (a failed secret dependency), else those the error rate claims. The
    /// rate works as a credit, not a random draw: 0.1 fails exactly every tenth call, so runs repeat;
    /// with an ErrorSeed each call is drawn, from the seeded generator, so runs repeat too.
    /// </summary>
    public long Serve(long invocations, bool allFail)
    {
        var byRate = Behavior.ErrorSeed is { } seed ? Draw(seed, invocations) : errorCredit.Take(invocations, Behavior.ErrorRate);
        var failed = allFail ? invocations : byRate;
        Invocations += invocations;
        Errors += failed;
        return failed;
    }

    private long Draw(int seed, long invocations)
    {
        if (errorDraws is not { } draws || draws.Seed != seed)
        {
            draws = (seed, new Random(seed));
            errorDraws = draws;
        }

        long failed = 0;
        for (long call = 0; call < invocations; call++)
        {
            failed += draws.Draws.NextDouble() < Behavior.ErrorRate ? 1 : 0;
        }

        return failed;
    }
}
