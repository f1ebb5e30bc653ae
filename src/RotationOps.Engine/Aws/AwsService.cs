namespace RotationOps.Engine.Aws;

/// <summary>
/// What differs between the AWS services the engine calls when resolving an endpoint and signing:
/// the SigV4 signing name (also the endpoint host prefix) and the AWS_ENDPOINT_URL_&lt;SERVICE&gt; suffix.
/// </summary>
internal sealed class AwsService
{
    public static readonly AwsService SecretsManager = new AwsService("secretsmanager", "SECRETS_MANAGER", "Secrets Manager");
    public static readonly AwsService Lambda = new AwsService("lambda", "LAMBDA", "Lambda");
    public static readonly AwsService CloudWatch = new AwsService("monitoring", "CLOUDWATCH", "CloudWatch");
    public static readonly AwsService DynamoDb = new AwsService("dynamodb", "DYNAMODB", "DynamoDB");

    private AwsService(string signingName, string environmentSuffix, string displayName)
    {
        SigningName = signingName;
        EndpointEnvironmentVariable = "AWS_ENDPOINT_URL_" + environmentSuffix;
        DisplayName = displayName;
    }

    /// <summary>The SigV4 credential-scope service, and the first label of the default host name.</summary>
    public string SigningName { get; }

    public string EndpointEnvironmentVariable { get; }

    public string DisplayName { get; }
}
