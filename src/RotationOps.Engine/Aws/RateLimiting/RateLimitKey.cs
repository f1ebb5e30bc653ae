using System;

namespace RotationOps.Engine.Aws.RateLimiting;

/// <summary>
/// Which calls share a bucket: AWS counts a quota per account and region, so every call made as the
/// same identity, to the same region and endpoint, in the same quota group, draws from one bucket —
/// whichever command or pipeline item makes it. The configured rate is part of the key, so changing
/// ROTATIONOPS_RATE_LIMITS in a session takes effect for the next command.
/// </summary>
internal sealed class RateLimitKey : IEquatable<RateLimitKey>
{
    public RateLimitKey(string identity, string region, Uri endpoint, AwsQuotaGroup group, double perSecond)
    {
        Identity = identity;
        Region = region;
        Endpoint = endpoint;
        Group = group;
        PerSecond = perSecond;
    }

    /// <summary>
    /// The credentials' redacted description (access key, profile, role). Two keys that redact alike
    /// share a bucket, which errs on the safe side: they are most likely the same account anyway.
    /// </summary>
    public string Identity { get; }

    public string Region { get; }

    public Uri Endpoint { get; }

    public AwsQuotaGroup Group { get; }

    public double PerSecond { get; }

    public bool Equals(RateLimitKey? other) =>
        other != null && Identity == other.Identity && Region == other.Region && Endpoint == other.Endpoint &&
        ReferenceEquals(Group, other.Group) && PerSecond.Equals(other.PerSecond);

    public override bool Equals(object? obj) => Equals(obj as RateLimitKey);

    public override int GetHashCode()
    {
        unchecked
        {
            int hash = StringComparer.Ordinal.GetHashCode(Identity);
            hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(Region);
            hash = (hash * 31) + Endpoint.GetHashCode();
            hash = (hash * 31) + Group.GetHashCode();
            return (hash * 31) + PerSecond.GetHashCode();
        }
    }
}
