namespace RotationOps.Engine.Aws;

/// <summary>
/// The region field of an ARN (arn:partition:service:region:account:resource). A function or secret
/// named by ARN lives in that region whatever the command's default, and AWS answers a call sent to
/// another region's endpoint with "not found"; reading the region off the ARN sends it to the right one.
/// </summary>
public static class AwsArn
{
    /// <summary>The region <paramref name="value"/> names when it is an ARN with one; null for plain names and partial ARNs.</summary>
    public static string? RegionOf(string? value)
    {
        if (value == null || !value.StartsWith("arn:", System.StringComparison.Ordinal)) return null;
        string[] fields = value.Split(new[] { ':' }, 5);
        return fields.Length == 5 && fields[3].Length > 0 ? fields[3] : null;
    }
}
