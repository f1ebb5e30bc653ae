using System;
using System.Collections.Generic;

namespace RotationOps.Engine.Aws.RateLimiting;

/// <summary>
/// One of AWS's per-second API rate quotas (per account and region), and the operations that draw
/// from it together: PutSecretValue and UpdateSecretVersionStage share "secretsmanager:write".
/// The defaults are AWS's documented rates; ROTATIONOPS_RATE_LIMITS overrides them by <see cref="Id"/>.
/// </summary>
internal sealed class AwsQuotaGroup
{
    public static readonly AwsQuotaGroup SecretsManagerRead = new AwsQuotaGroup("secretsmanager", "read", 10_000);
    public static readonly AwsQuotaGroup SecretsManagerWrite = new AwsQuotaGroup("secretsmanager", "write", 50);
    public static readonly AwsQuotaGroup SecretsManagerRotate = new AwsQuotaGroup("secretsmanager", "rotate", 50);
    public static readonly AwsQuotaGroup LambdaGetFunction = new AwsQuotaGroup("lambda", "getfunction", 100);
    public static readonly AwsQuotaGroup LambdaGetPolicy = new AwsQuotaGroup("lambda", "getpolicy", 15);
    public static readonly AwsQuotaGroup LambdaControl = new AwsQuotaGroup("lambda", "control", 15);
    public static readonly AwsQuotaGroup CloudWatchGetMetricData = new AwsQuotaGroup("cloudwatch", "getmetricdata", 50);
    public static readonly AwsQuotaGroup CloudWatchGetMetricStatistics = new AwsQuotaGroup("cloudwatch", "getmetricstatistics", 400);
    public static readonly AwsQuotaGroup CloudWatchDescribeAlarms = new AwsQuotaGroup("cloudwatch", "describealarms", 9);

    public static readonly IReadOnlyList<AwsQuotaGroup> All = new[]
    {
        SecretsManagerRead, SecretsManagerWrite, SecretsManagerRotate, LambdaGetFunction, LambdaGetPolicy, LambdaControl,
        CloudWatchGetMetricData, CloudWatchGetMetricStatistics, CloudWatchDescribeAlarms,
    };

    private AwsQuotaGroup(string service, string name, double documentedPerSecond)
    {
        Id = service + ":" + name;
        DocumentedPerSecond = documentedPerSecond;
    }

    /// <summary>"service:name", as an operator writes it in ROTATIONOPS_RATE_LIMITS.</summary>
    public string Id { get; }

    /// <summary>AWS's default quota for the group (AWS-FACTS "Rate quotas").</summary>
    public double DocumentedPerSecond { get; }

    /// <summary>
    /// The quota <paramref name="operation"/> draws from, or null when the client does not limit it:
    /// Lambda Invoke is data plane (its limit is concurrency, not a request rate); for Secrets Manager's
    /// ListSecrets, ListSecretVersionIds and GetRandomPassword and CloudWatch's other calls AWS-FACTS
    /// gives no rate, and a guessed one would only slow the client without protecting a known quota;
    /// DynamoDB throttles on the table's capacity, which depends on the table, not on a per-API rate.
    /// Their throttling is still retried.
    /// </summary>
    public static AwsQuotaGroup? For(AwsService service, string operation)
    {
        if (service == AwsService.SecretsManager)
        {
            switch (operation)
            {
                case "DescribeSecret":
                case "GetSecretValue":
                    return SecretsManagerRead;
                case "PutSecretValue":
                case "UpdateSecret":
                case "UpdateSecretVersionStage":
                    return SecretsManagerWrite;
                case "RotateSecret":
                case "CancelRotateSecret":
                    return SecretsManagerRotate;
                default:
                    return null;
            }
        }
        if (service == AwsService.Lambda)
        {
            switch (operation)
            {
                case "Invoke":
                    return null;
                case "GetFunction":
                    return LambdaGetFunction;
                case "GetPolicy":
                    return LambdaGetPolicy;
                default:
                    // "Every other control-plane call, combined": GetFunctionConfiguration, PublishVersion, UpdateAlias, ListAliases, ...
                    return LambdaControl;
            }
        }
        if (service == AwsService.CloudWatch)
        {
            switch (operation)
            {
                case "GetMetricData":
                    return CloudWatchGetMetricData;
                case "GetMetricStatistics":
                    return CloudWatchGetMetricStatistics;
                case "DescribeAlarms":
                    return CloudWatchDescribeAlarms;
                default:
                    return null;
            }
        }
        return null;
    }

    public static AwsQuotaGroup? Find(string id)
    {
        foreach (AwsQuotaGroup group in All)
        {
            if (string.Equals(group.Id, id, StringComparison.OrdinalIgnoreCase)) return group;
        }
        return null;
    }

    public override string ToString() => Id;
}
