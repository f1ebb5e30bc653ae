using System;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Errors;

namespace RotationOps.Commands.Hosting;

/// <summary>
/// Which connection one pipeline item's calls use: a named profile and a region, each null for the
/// command's own. Items with equal values share one set of clients, so an inventory spanning
/// regions and accounts (a CSV, AWS.Tools objects, the previous cmdlet's results) makes one set per
/// place, not one per item.
/// </summary>
internal readonly struct ItemConnection : IEquatable<ItemConnection>
{
    public ItemConnection(string? profileName, string? region)
    {
        ProfileName = profileName;
        Region = region;
    }

    public string? ProfileName { get; }

    public string? Region { get; }

    /// <summary>
    /// The connection for an item named by <paramref name="identifier"/>, with -Region and
    /// -ProfileName as bound now (typed, or from the item's properties). A full ARN names its
    /// region: AWS answers a call for it sent to another region's endpoint with "not found", so the
    /// ARN's region is used, and a -Region that says otherwise is refused before any call. Values
    /// equal to the command line's map to the command's own connection.
    /// </summary>
    /// <exception cref="RunbookException">InvalidParameter naming -Region when it contradicts the ARN.</exception>
    public static ItemConnection Of(string? identifier, string? region, string? profileName, string? commandRegion, string? commandProfile)
    {
        string? profile = string.IsNullOrWhiteSpace(profileName) || profileName == commandProfile ? null : profileName!.Trim();
        string? arnRegion = AwsArn.RegionOf(identifier);
        if (arnRegion != null && region != null && region != arnRegion)
            throw RunbookException.InvalidParameter("Region",
                $"'{identifier}' is in {arnRegion}, and -Region is {region}. Leave -Region out (an ARN names its region), or give the name instead of the ARN.");
        string? itemRegion = region ?? arnRegion;
        return new ItemConnection(profile, itemRegion == commandRegion ? null : itemRegion);
    }

    public bool Equals(ItemConnection other) =>
        string.Equals(ProfileName, other.ProfileName, StringComparison.Ordinal) && string.Equals(Region, other.Region, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ItemConnection other && Equals(other);

    public override int GetHashCode() =>
        ((ProfileName?.GetHashCode() ?? 0) * 397) ^ (Region?.GetHashCode() ?? 0);
}
