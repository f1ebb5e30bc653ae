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

    public string Version { get; } = version;

    public bool IsLatest => Version == Latest;

    public FunctionSettings Settings { get; set; } = settings;

    public FunctionCode Code { get; set; } = code;

    public DateTimeOffset LastModified { get; set; } = lastModified;

    public string RevisionId { get; set; } = Guid.NewGuid().ToString();

    /// <summary>Until this instant the version is <c>State=Pending</c>.</summary>
    public DateTimeOffset ActiveAt { get; } = activeAt;

    /// <summary>For a published version, what $LATEST held when it was published.</summary>
    public (FunctionSettings Settings, string CodeSha256)? PublishedFrom { get; init; }

    public LambdaBehavior Behavior { get; set; } = behavior;

    public long Invocations { get; private set; }

    public long Errors { get; private set; }

    public bool IsActive(DateTimeOffset now) => now >= ActiveAt;

    public string State(DateTimeOffset now) => IsActive(now) ? "Active" : "Pending";

    /// <summary>
    /// Counts <paramref name="invocations"/> served and returns how many failed: all of them when
    /// <paramref name="allFail"/> (a failed secret dependency), else those the error rate claims. The
    /// rate works as a credit, not a random draw: 0.1 fails exactly every tenth call, so runs repeat.
    /// </summary>
    public long Serve(long invocations, bool allFail)
    {
        var byRate = errorCredit.Take(invocations, Behavior.ErrorRate);
        var failed = allFail ? invocations : byRate;
        Invocations += invocations;
        Errors += failed;
        return failed;
    }
}
