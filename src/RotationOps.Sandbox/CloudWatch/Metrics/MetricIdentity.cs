using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace RotationOps.Sandbox.CloudWatch.Metrics;

/// <summary>
/// One metric as CloudWatch identifies it: namespace, name and the exact set of dimensions.
/// {FunctionName=f} and {FunctionName=f, Resource=f:live} are two different metrics, and two
/// identities are equal only when every dimension name and value matches (order does not matter).
/// </summary>
public sealed class MetricIdentity : IEquatable<MetricIdentity>
{
    private readonly string key;

    public MetricIdentity(string @namespace, string metricName, IReadOnlyDictionary<string, string>? dimensions = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(metricName);
        Namespace = @namespace;
        MetricName = metricName;
        var sorted = new KeyValuePair<string, string>[dimensions?.Count ?? 0];
        var i = 0;
        foreach (var dimension in dimensions ?? new Dictionary<string, string>())
        {
            sorted[i++] = dimension;
        }

        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        Dimensions = sorted;

        // Identities are built for every published datum, so the key is made without LINQ.
        var text = new StringBuilder(@namespace).Append('\n').Append(metricName);
        foreach (var (name, value) in sorted)
        {
            text.Append('\n').Append(name).Append('=').Append(value);
        }

        key = text.ToString();
    }

    public string Namespace { get; }

    public string MetricName { get; }

    /// <summary>The dimensions, ordered by name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Dimensions { get; }

    public bool Equals(MetricIdentity? other) => other is not null && string.Equals(key, other.key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as MetricIdentity);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(key);

    public override string ToString() =>
        $"{Namespace} {MetricName} {{{string.Join(", ", Dimensions.Select(d => $"{d.Key}={d.Value}"))}}}";
}
