using RotationOps.Engine.Aws;
using RotationOps.Engine.Aws.RateLimiting;

namespace RotationOps.Engine.Tests.Aws.RateLimiting;

public sealed class AwsQuotaGroupTests
{
    [Theory]
    [InlineData("DescribeSecret", "secretsmanager:read", 10_000)]
    [InlineData("GetSecretValue", "secretsmanager:read", 10_000)]
    [InlineData("PutSecretValue", "secretsmanager:write", 50)]
    [InlineData("UpdateSecret", "secretsmanager:write", 50)]
    [InlineData("UpdateSecretVersionStage", "secretsmanager:write", 50)]
    [InlineData("RotateSecret", "secretsmanager:rotate", 50)]
    [InlineData("CancelRotateSecret", "secretsmanager:rotate", 50)]
    public void Secrets_Manager_operations_draw_from_AWSs_documented_quotas(string operation, string group, double perSecond)
    {
        AwsQuotaGroup? found = AwsQuotaGroup.For(AwsService.SecretsManager, operation);

        Assert.Equal(group, found?.Id);
        Assert.Equal(perSecond, found!.DocumentedPerSecond);
    }

    [Theory]
    [InlineData("GetFunction", "lambda:getfunction", 100)]
    [InlineData("GetPolicy", "lambda:getpolicy", 15)]
    [InlineData("GetFunctionConfiguration", "lambda:control", 15)]
    [InlineData("PublishVersion", "lambda:control", 15)]
    [InlineData("UpdateAlias", "lambda:control", 15)]
    [InlineData("ListVersionsByFunction", "lambda:control", 15)]
    public void Lambda_control_plane_calls_share_one_quota_except_GetFunction_and_GetPolicy(string operation, string group, double perSecond)
    {
        AwsQuotaGroup? found = AwsQuotaGroup.For(AwsService.Lambda, operation);

        Assert.Equal(group, found?.Id);
        Assert.Equal(perSecond, found!.DocumentedPerSecond);
    }

    [Theory]
    [InlineData("GetMetricData", "cloudwatch:getmetricdata", 50)]
    [InlineData("GetMetricStatistics", "cloudwatch:getmetricstatistics", 400)]
    [InlineData("DescribeAlarms", "cloudwatch:describealarms", 9)]
    public void CloudWatch_reads_have_a_quota_each(string operation, string group, double perSecond)
    {
        AwsQuotaGroup? found = AwsQuotaGroup.For(AwsService.CloudWatch, operation);

        Assert.Equal(group, found?.Id);
        Assert.Equal(perSecond, found!.DocumentedPerSecond);
    }

    [Fact]
    public void Calls_without_a_request_rate_quota_are_not_paced()
    {
        Assert.Null(AwsQuotaGroup.For(AwsService.Lambda, "Invoke"));
        Assert.Null(AwsQuotaGroup.For(AwsService.SecretsManager, "ListSecrets"));
        Assert.Null(AwsQuotaGroup.For(AwsService.DynamoDb, "PutItem"));
    }
}
