using System;

namespace RotationOps.Engine.Aws.RateLimiting;

/// <summary>
/// The buckets one service client's calls draw from: for each operation, the process-wide bucket of
/// its quota group for this identity, region and endpoint, or none for calls AWS does not rate-limit.
/// </summary>
internal sealed class AwsRateLimiter
{
    private readonly AwsService _service;
    private readonly AwsConnection _connection;
    private readonly Uri _endpoint;
    private readonly TimeProvider _time;

    public AwsRateLimiter(AwsService service, AwsConnection connection, AwsServiceEndpoint endpoint, TimeProvider time)
    {
        _service = service;
        _connection = connection;
        _endpoint = endpoint.Url;
        _time = time;
    }

    public AdaptiveTokenBucket? BucketFor(string operation)
    {
        AwsQuotaGroup? group = AwsQuotaGroup.For(_service, operation);
        if (group is null) return null;
        var key = new RateLimitKey(_connection.CredentialDescription, _connection.Region, _endpoint, group,
            _connection.RateLimits.PerSecond(group));
        return RateLimiterRegistry.Bucket(key, _time);
    }
}
