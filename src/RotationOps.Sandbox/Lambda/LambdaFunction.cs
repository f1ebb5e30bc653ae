using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace RotationOps.Sandbox.Lambda;

/// <summary>One function: $LATEST, its published versions, its aliases, and whether an update is running.</summary>
internal sealed class LambdaFunction(string name, string arn, FunctionVersion latest)
{
    /// <summary>The highest version number ever published; AWS never reuses one, even after DeleteFunction removed it.</summary>
    private int lastVersionNumber;

    public string Name { get; } = name;

    /// <summary>The unqualified ARN.</summary>
    public string Arn { get; } = arn;

    public FunctionVersion Latest { get; } = latest;

    /// <summary>Published versions, oldest first.</summary>
    public List<FunctionVersion> Published { get; } = new();

    public SortedDictionary<string, FunctionAlias> Aliases { get; } = new(StringComparer.Ordinal);

    /// <summary>Until this instant $LATEST is <c>LastUpdateStatus=InProgress</c>.</summary>
    public DateTimeOffset UpdateCompletesAt { get; set; } = DateTimeOffset.MinValue;

    public bool IsUpdating(DateTimeOffset now) => now < UpdateCompletesAt;

    public string QualifiedArn(string qualifier) => $"{Arn}:{qualifier}";

    /// <summary>$LATEST, then the published versions in order.</summary>
    public IEnumerable<FunctionVersion> AllVersions => Published.Prepend(Latest);

    /// <summary>$LATEST or a published version by number; null when there is none.</summary>
    public FunctionVersion? FindVersion(string version) =>
        version == FunctionVersion.Latest ? Latest : Published.FirstOrDefault(v => v.Version == version);

    public FunctionVersion RequireVersion(string version) =>
        FindVersion(version) ?? throw LambdaErrors.FunctionNotFound(QualifiedArn(version));

    public FunctionAlias RequireAlias(string alias) =>
        Aliases.GetValueOrDefault(alias) ?? throw LambdaErrors.AliasNotFound(QualifiedArn(alias));

    /// <summary>
    /// Publishes $LATEST as a new version, Pending until <paramref name="activeAt"/>, carrying $LATEST's
    /// behaviour. When neither code nor configuration changed since the last version, that version is
    /// returned instead and nothing is created, as PublishVersion does on AWS.
    /// </summary>
    public FunctionVersion Publish(string? description, DateTimeOffset now, DateTimeOffset activeAt)
    {
        var source = (Latest.Settings, Latest.Code.Sha256);
        if (Published.Count > 0 && Published[^1].PublishedFrom == source)
        {
            return Published[^1];
        }

        var settings = description is null ? Latest.Settings : Latest.Settings with { Description = description };
        var version = new FunctionVersion((++lastVersionNumber).ToString(CultureInfo.InvariantCulture), settings, Latest.Code, now, activeAt, Latest.Behavior)
        {
            PublishedFrom = source,
        };
        Published.Add(version);
        return version;
    }

    /// <summary>The aliases that point at <paramref name="version"/> or route a share of traffic to it, by name.</summary>
    public IReadOnlyList<string> AliasesReferencing(string version) =>
        Aliases.Values.Where(a => a.FunctionVersion == version || a.Routing?.Version == version).Select(a => a.Name).ToList();

    /// <summary>
    /// Refuses a change to $LATEST while it cannot take one: still being created (Pending) or still
    /// applying the previous update (InProgress), as AWS's ResourceConflictException does.
    /// </summary>
    public void EnsureIdle(DateTimeOffset now)
    {
        if (!Latest.IsActive(now))
        {
            throw LambdaErrors.NotActive(Latest.State(now));
        }

        if (IsUpdating(now))
        {
            throw LambdaErrors.UpdateInProgress(Arn);
        }
    }
}
