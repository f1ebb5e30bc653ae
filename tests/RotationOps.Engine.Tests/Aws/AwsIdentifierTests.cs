using RotationOps.Engine.Aws;

namespace RotationOps.Engine.Tests.Aws;

/// <summary>
/// Names and ids as the Secrets Manager and Lambda API references define them: what AWS takes
/// passes, what it would refuse is refused with what a valid one looks like.
/// </summary>
public sealed class AwsIdentifierTests
{
    [Theory]
    [InlineData(AwsIdentifierKind.SecretId, "prod/orders/db")]
    [InlineData(AwsIdentifierKind.SecretId, "a+b=c.d@e_f-g")]
    [InlineData(AwsIdentifierKind.SecretId, "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/orders/db-AbCdEf")]
    [InlineData(AwsIdentifierKind.SecretId, "arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:db")]
    [InlineData(AwsIdentifierKind.SecretVersionId, "3f1c0a9e-7d2b-4c55-9a1e-0b6f2d8e4c71")]
    [InlineData(AwsIdentifierKind.FunctionName, "orders-api")]
    [InlineData(AwsIdentifierKind.FunctionName, "arn:aws:lambda:eu-west-1:123456789012:function:orders-api")]
    [InlineData(AwsIdentifierKind.FunctionName, "123456789012:function:orders_api")]
    [InlineData(AwsIdentifierKind.FunctionArn, "arn:aws:lambda:eu-west-1:123456789012:function:orders-db-rotation")]
    [InlineData(AwsIdentifierKind.AliasName, "LIVE")]
    [InlineData(AwsIdentifierKind.AliasName, "blue-2")]
    [InlineData(AwsIdentifierKind.FunctionVersion, "7")]
    [InlineData(AwsIdentifierKind.FunctionVersion, "$LATEST")]
    [InlineData(AwsIdentifierKind.Qualifier, "LIVE")]
    [InlineData(AwsIdentifierKind.Qualifier, "$LATEST")]
    [InlineData(AwsIdentifierKind.Region, "eu-west-1")]
    [InlineData(AwsIdentifierKind.Region, "us-gov-west-1")]
    [InlineData(AwsIdentifierKind.Region, "ap-southeast-2")]
    public void What_AWS_takes_passes(AwsIdentifierKind kind, string value)
    {
        Assert.Null(AwsIdentifiers.Problem(kind, value));
    }

    [Theory]
    [InlineData(AwsIdentifierKind.SecretId, "bad db!", "ASCII letters")]
    [InlineData(AwsIdentifierKind.SecretId, "arn:aws:secretsmanager:eu-west-1:prod/orders/db", "not a secret ARN")]
    [InlineData(AwsIdentifierKind.SecretVersionId, "v1", "32 to 64 characters")]
    [InlineData(AwsIdentifierKind.FunctionName, "orders api", "not a function name")]
    [InlineData(AwsIdentifierKind.FunctionArn, "orders-db-rotation", "not a Lambda function ARN")]
    [InlineData(AwsIdentifierKind.FunctionArn, "arn:aws:lambda:eu-west-1:function:rotate", "not a Lambda function ARN")]
    [InlineData(AwsIdentifierKind.AliasName, "123", "not digits alone")]
    [InlineData(AwsIdentifierKind.AliasName, "LIVE!", "letters, digits, - or _")]
    [InlineData(AwsIdentifierKind.AliasName, "LIVE\n", "letters, digits, - or _")]
    [InlineData(AwsIdentifierKind.FunctionVersion, "v2", "not a function version")]
    [InlineData(AwsIdentifierKind.Qualifier, "LIVE/blue", "qualifier")]
    [InlineData(AwsIdentifierKind.Region, "eu west 1", "Region code")]
    [InlineData(AwsIdentifierKind.Region, "EU-WEST-1", "Region code")]
    public void What_AWS_would_refuse_is_refused_saying_what_fits(AwsIdentifierKind kind, string value, string expected)
    {
        Assert.Contains(expected, AwsIdentifiers.Problem(kind, value));
    }

    [Fact]
    public void Lengths_follow_the_API_limits()
    {
        Assert.Null(AwsIdentifiers.Problem(AwsIdentifierKind.SecretId, new string('s', 512)));
        Assert.Contains("at most 512", AwsIdentifiers.Problem(AwsIdentifierKind.SecretId, new string('s', 513)));
        Assert.Null(AwsIdentifiers.Problem(AwsIdentifierKind.FunctionName, new string('f', 64)));
        Assert.Contains("at most 64", AwsIdentifiers.Problem(AwsIdentifierKind.FunctionName, new string('f', 65)));
        // A name is 64 at most, but the 140 limit applies to an ARN as a whole.
        string arn = "arn:aws:lambda:eu-west-1:123456789012:function:";
        Assert.Null(AwsIdentifiers.Problem(AwsIdentifierKind.FunctionName, arn + new string('f', 140 - arn.Length)));
        Assert.Contains("at most 140", AwsIdentifiers.Problem(AwsIdentifierKind.FunctionName, arn + new string('f', 141 - arn.Length)));
        Assert.Null(AwsIdentifiers.Problem(AwsIdentifierKind.AliasName, new string('a', 128)));
        Assert.NotNull(AwsIdentifiers.Problem(AwsIdentifierKind.AliasName, new string('a', 129)));
        Assert.NotNull(AwsIdentifiers.Problem(AwsIdentifierKind.SecretVersionId, new string('v', 65)));
    }

    [Fact]
    public void A_long_value_is_quoted_cut_short()
    {
        string problem = AwsIdentifiers.Problem(AwsIdentifierKind.AliasName, new string('a', 129) + "!")!;

        Assert.Contains("...'", problem);
        Assert.True(problem.Length < 250);
    }
}
