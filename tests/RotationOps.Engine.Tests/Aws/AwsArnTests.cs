using RotationOps.Engine.Aws;

namespace RotationOps.Engine.Tests.Aws;

/// <summary>The region an ARN names, in every partition; nothing for names and partial ARNs.</summary>
public sealed class AwsArnTests
{
    [Theory]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:orders-api:LIVE", "eu-west-1")]
    [InlineData("arn:aws:secretsmanager:us-east-1:123456789012:secret:orders/db-AbCdEf", "us-east-1")]
    [InlineData("arn:aws-cn:lambda:cn-north-1:123456789012:function:orders-api", "cn-north-1")]
    [InlineData("arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:a:b-AbCdEf", "us-gov-west-1")]
    public void A_full_ARN_names_its_region(string arn, string region) => Assert.Equal(region, AwsArn.RegionOf(arn));

    [Theory]
    [InlineData("orders-api")]
    [InlineData("123456789012:function:orders-api")]
    [InlineData("arn:aws:iam::123456789012:role/rotation")]
    [InlineData("arn:aws:lambda")]
    [InlineData(null)]
    public void Names_partial_ARNs_and_global_ARNs_name_none(string? value) => Assert.Null(AwsArn.RegionOf(value));
}
