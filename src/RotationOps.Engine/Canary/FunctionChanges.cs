using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Lambda;

namespace RotationOps.Engine.Canary;

/// <summary>
/// What a canary changes relative to the live version: the full new environment (Lambda
/// replaces the whole set, so the merge happens here) and human-readable lines for the plan.
/// Environment values are shown only as keyed fingerprints (<see cref="ValueFingerprint"/>): they often hold credentials.
/// </summary>
internal sealed class FunctionChanges
{
    private FunctionChanges(IDictionary<string, string>? environment, string? runtime, string? description, IReadOnlyList<string> summary)
    {
        Environment = environment;
        Runtime = runtime;
        Description = description;
        Summary = summary;
    }

    /// <summary>The complete new variable set, or null when the environment does not change.</summary>
    public IDictionary<string, string>? Environment { get; }
    public string? Runtime { get; }
    public string? Description { get; }
    public IReadOnlyList<string> Summary { get; }

    public bool ChangesConfiguration => Environment != null || Runtime != null || Description != null;

    public static FunctionChanges Compute(FunctionConfiguration live, CanaryRequest request, ValueFingerprint fingerprint)
    {
        var summary = new List<string>();
        IDictionary<string, string>? environment = null;
        var merged = new Dictionary<string, string>(live.Environment.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
        foreach (var change in request.Environment ?? new Dictionary<string, string>())
        {
            if (!merged.TryGetValue(change.Key, out var old)) summary.Add($"Environment {change.Key}: added ({fingerprint.Of(change.Value)})");
            else if (old != change.Value) summary.Add($"Environment {change.Key}: changed ({fingerprint.Of(old)} -> {fingerprint.Of(change.Value)})");
            merged[change.Key] = change.Value;
        }
        if (request.SecretVersionId != null)
        {
            merged[request.SecretVersionVariable] = request.SecretVersionId;
            summary.Add($"Environment {request.SecretVersionVariable}: staged secret version {request.SecretVersionId} of {request.SecretId}");
        }
        foreach (string name in request.RemoveEnvironmentVariables ?? new List<string>())
        {
            if (!merged.Remove(name))
                throw RunbookException.InvalidParameter("RemoveEnvironmentVariable",
                    $"{live.FunctionName} version {live.Version} has no variable '{name}' (it has: {string.Join(", ", live.Environment.Keys.OrderBy(k => k))}).",
                    live.FunctionName);
            summary.Add($"Environment {name}: removed");
        }
        if (!SameEnvironment(merged, live.Environment))
        {
            LambdaLimits.CheckEnvironmentSize(merged, live.FunctionName);
            environment = merged;
        }

        string? runtime = request.Runtime != null && request.Runtime != live.Runtime ? request.Runtime : null;
        if (runtime != null) summary.Add($"Runtime: {live.Runtime} -> {runtime}");
        string? description = request.Description != null && request.Description != live.Description ? request.Description : null;
        if (description != null) summary.Add("Description changed");
        if (request.ZipFile != null) summary.Add($"Code: {request.ZipFileName ?? "zip"} ({request.ZipFile.Length} bytes, sha256 {CodeSha256Of(request.ZipFile)})");
        return new FunctionChanges(environment, runtime, description, summary);
    }

    /// <summary>
    /// Differences between $LATEST and the live version: published on top, they would ship
    /// unreviewed alongside the requested change.
    /// </summary>
    public static IReadOnlyList<string> Drift(FunctionConfiguration live, FunctionConfiguration latest)
    {
        var drift = new List<string>();
        if (live.CodeSha256 != latest.CodeSha256) drift.Add("code");
        if (live.Runtime != latest.Runtime) drift.Add($"runtime ({live.Runtime} vs {latest.Runtime})");
        if (live.Handler != latest.Handler) drift.Add("handler");
        if (live.MemorySize != latest.MemorySize) drift.Add("memory size");
        if (live.Timeout != latest.Timeout) drift.Add("timeout");
        if (live.Role != latest.Role) drift.Add("execution role");
        var keys = live.Environment.Keys.Union(latest.Environment.Keys)
            .Where(k => !live.Environment.TryGetValue(k, out var a) || !latest.Environment.TryGetValue(k, out var b) || a != b)
            .OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (keys.Count > 0) drift.Add("environment " + string.Join(", ", keys));
        return drift;
    }

    /// <summary>
    /// Whether $LATEST differs from the live version only by exactly what <paramref name="request"/>
    /// asks for: an earlier run of the same command changed $LATEST and stopped before routing
    /// (retries spent, or the process killed), so publishing $LATEST now ships that change and
    /// nothing else. PublishVersion then returns the version that run may already have published.
    /// <paramref name="onLatest"/> is what the request still changes on $LATEST (<see cref="Compute"/> against it).
    /// </summary>
    public static bool LatestCarriesOnly(FunctionConfiguration live, FunctionConfiguration latest, CanaryRequest request, FunctionChanges onLatest)
    {
        if (onLatest.ChangesConfiguration) return false;
        if (request.ZipFile != null ? CodeSha256Of(request.ZipFile) != latest.CodeSha256 : live.CodeSha256 != latest.CodeSha256) return false;
        var requested = new HashSet<string>((request.Environment?.Keys ?? Enumerable.Empty<string>())
            .Concat(request.RemoveEnvironmentVariables ?? new List<string>())
            .Concat(request.SecretVersionId != null ? new[] { request.SecretVersionVariable } : Array.Empty<string>()), StringComparer.Ordinal);
        bool environmentOnlyAsRequested = live.Environment.Keys.Union(latest.Environment.Keys)
            .Where(k => !live.Environment.TryGetValue(k, out var a) || !latest.Environment.TryGetValue(k, out var b) || a != b)
            .All(requested.Contains);
        return environmentOnlyAsRequested && (live.Runtime == latest.Runtime || request.Runtime == latest.Runtime) &&
               live.Handler == latest.Handler && live.MemorySize == latest.MemorySize && live.Timeout == latest.Timeout && live.Role == latest.Role;
    }

    private static bool SameEnvironment(IDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);

    /// <summary>A code package's hash as Lambda reports it in CodeSha256 (base64 SHA-256).</summary>
    public static string CodeSha256Of(byte[] zipFile)
    {
        using (var sha = SHA256.Create()) return Convert.ToBase64String(sha.ComputeHash(zipFile));
    }
}
