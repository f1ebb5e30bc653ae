namespace RotationOps.Engine.Aws;

/// <summary>
/// Where a client's calls go: the region, and the named profile that chose the account (null for
/// the default credential chain). Output objects carry it so the next cmdlet in a pipeline binds
/// -Region and -ProfileName by property name and reaches the same function or secret.
/// </summary>
public sealed class AwsLocation
{
    public AwsLocation(string region, string? profileName)
    {
        Region = region;
        ProfileName = profileName;
    }

    public string Region { get; }

    public string? ProfileName { get; }
}
