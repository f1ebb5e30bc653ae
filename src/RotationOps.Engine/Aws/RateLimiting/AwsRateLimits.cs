using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace RotationOps.Engine.Aws.RateLimiting;

/// <summary>
/// The per-second rate the client allows each quota group: AWS's documented default unless the
/// operator set ROTATIONOPS_RATE_LIMITS, e.g. "secretsmanager:write=25,lambda:control=5", for an
/// account whose quota AWS raised, or one shared with other tools that need part of it.
/// </summary>
internal sealed class AwsRateLimits
{
    public const string EnvironmentVariable = "ROTATIONOPS_RATE_LIMITS";

    public static readonly AwsRateLimits Documented = new AwsRateLimits(new Dictionary<AwsQuotaGroup, double>());

    private readonly IReadOnlyDictionary<AwsQuotaGroup, double> _overrides;

    private AwsRateLimits(IReadOnlyDictionary<AwsQuotaGroup, double> overrides)
    {
        _overrides = overrides;
    }

    public double PerSecond(AwsQuotaGroup group) => _overrides.TryGetValue(group, out double rate) ? rate : group.DocumentedPerSecond;

    /// <exception cref="AwsConfigurationException">ROTATIONOPS_RATE_LIMITS is malformed; the message shows the valid form.</exception>
    public static AwsRateLimits FromEnvironment() => Parse(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>Comma-separated group=rate pairs; blank means the documented rates.</summary>
    /// <exception cref="AwsConfigurationException">An unknown group, or a rate that is not a positive number.</exception>
    public static AwsRateLimits Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Documented;
        var overrides = new Dictionary<AwsQuotaGroup, double>();
        foreach (string entry in text!.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = entry.Split('=');
            AwsQuotaGroup? group = parts.Length == 2 ? AwsQuotaGroup.Find(parts[0].Trim()) : null;
            if (group is null)
                throw Invalid($"'{entry.Trim()}' is not group=rate with a known group.");
            if (!double.TryParse(parts[1].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double rate) ||
                rate <= 0 || double.IsInfinity(rate))
                throw Invalid($"the rate for {group.Id} must be a positive number of calls a second; it is '{parts[1].Trim()}'.");
            overrides[group] = rate;
        }
        return new AwsRateLimits(overrides);
    }

    private static AwsConfigurationException Invalid(string problem) =>
        new AwsConfigurationException(EnvironmentVariable,
            $"{EnvironmentVariable} is invalid: {problem} Write comma-separated group=rate pairs, e.g. " +
            $"'secretsmanager:write=25,lambda:control=5'; the groups are {string.Join(", ", AwsQuotaGroup.All.Select(g => g.Id))}. " +
            $"Unset it to use AWS's documented rates.");
}
