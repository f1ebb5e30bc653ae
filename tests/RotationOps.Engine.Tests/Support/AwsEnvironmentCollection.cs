namespace RotationOps.Engine.Tests.Support;

/// <summary>
/// Tests that read or change AWS_* variables or the shared config files run one at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AwsEnvironmentCollection
{
    public const string Name = "AWS environment";
}
