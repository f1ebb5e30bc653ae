using System;
using System.Collections.Generic;

namespace RotationOps.Sandbox.Downstream;

/// <summary>
/// The service a secret's credential unlocks — think "the database": per secret, which values it
/// currently accepts. Rotation functions set and test values here; consumers (later, simulated
/// Lambda functions) check the value they read against it.
/// </summary>
/// <remarks>
/// Keyed by secret name; a full secret ARN is accepted and reduced to its name. A secret nobody
/// has set a credential for accepts nothing.
/// </remarks>
public sealed class DownstreamCredentialStore
{
    private readonly object gate = new();
    private readonly Dictionary<string, List<string>> accepted = new(StringComparer.Ordinal);

    /// <summary>Whether the downstream service accepts <paramref name="value"/> for the secret.</summary>
    public bool Accepts(string secretId, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (gate)
        {
            return accepted.TryGetValue(Key(secretId), out var values) && values.Contains(value);
        }
    }

    /// <summary>Replaces the values the downstream service accepts for the secret.</summary>
    public void Set(string secretId, params string[] acceptedValues)
    {
        ArgumentNullException.ThrowIfNull(acceptedValues);
        lock (gate)
        {
            accepted[Key(secretId)] = new List<string>(acceptedValues);
        }
    }

    /// <summary>
    /// What a rotation's setSecret does: the new value becomes valid; the values in
    /// <paramref name="stillValid"/> stay valid (alternating users) and every other value stops working.
    /// </summary>
    internal void Rotate(string secretId, string newValue, IEnumerable<string> stillValid)
    {
        lock (gate)
        {
            var kept = new List<string>();
            if (accepted.TryGetValue(Key(secretId), out var current))
            {
                foreach (var value in stillValid)
                {
                    if (current.Contains(value))
                    {
                        kept.Add(value);
                    }
                }
            }

            kept.Add(newValue);
            accepted[Key(secretId)] = kept;
        }
    }

    private static string Key(string secretId)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretId);

        // arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 chars>
        const string marker = ":secret:";
        var at = secretId.IndexOf(marker, StringComparison.Ordinal);
        if (!secretId.StartsWith("arn:", StringComparison.Ordinal) || at < 0)
        {
            return secretId;
        }

        var nameWithSuffix = secretId[(at + marker.Length)..];
        var dash = nameWithSuffix.LastIndexOf('-');
        return dash > 0 && nameWithSuffix.Length - dash == 7 ? nameWithSuffix[..dash] : nameWithSuffix;
    }
}
