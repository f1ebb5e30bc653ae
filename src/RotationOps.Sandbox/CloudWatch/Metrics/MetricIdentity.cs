using System;
using System.Collections.Generic;
using System.Linq;

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
        Dimensions = (dimensions ?? new Dictionary<string, string>())
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => new KeyValuePair<string, string>(d.Key, d.Value))
            .ToList();
        key = string.Join('\n', new[] { Namespace, MetricName }.Concat(Dimensions.Select(d => $"{d.Key}={d.Value}")));
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
