using RotationOps.Engine.Aws;
using RotationOps.Engine.Errors;

namespace RotationOps.Engine.Journal.Records;

/// <summary>
/// A deployment or rotation found in the journal by id lives where its ARN says. Sent to another
/// region's endpoint, AWS would answer "not found" and the command would stop with a message about
/// the wrong thing; this refuses first, naming the region to run in.
/// </summary>
internal static class RecordedRegion
{
    /// <exception cref="RunbookException">InvalidParameter naming -Region when <paramref name="arn"/> is in another region than <paramref name="location"/>.</exception>
    public static void Check(string deploymentId, string? arn, AwsLocation? location, string command)
    {
        string? region = AwsArn.RegionOf(arn);
        if (region != null && location != null && region != location.Region)
            throw RunbookException.InvalidParameter("Region",
                $"deployment {deploymentId} is in {region}, and this command calls {location.Region}. Run the same {command} again with -Region {region}.");
    }
}
