using RotationOps.Engine.Aws.Http;

namespace RotationOps.Engine.Aws;

/// <summary>What every service client shares: the signed, retrying invoker and what it connected to.</summary>
public abstract class AwsServiceClient
{
    private protected AwsServiceClient(AwsHttpInvoker invoker)
    {
        Invoker = invoker;
    }

    private protected AwsHttpInvoker Invoker { get; }

    /// <summary>Region and credentials in use (redacted), for verbose output.</summary>
    public AwsConnection Connection => Invoker.Connection;

    /// <summary>Region and named profile the calls go to, as output objects report them.</summary>
    public AwsLocation Location => Invoker.Connection.Location;

    /// <summary>Where the calls go and which setting chose it.</summary>
    public AwsServiceEndpoint Endpoint => Invoker.Endpoint;
}
