using RotationOps.Engine.Aws;
using RotationOps.Engine.Aws.RateLimiting;

namespace RotationOps.Engine.Tests.Aws.RateLimiting;

public sealed class AwsRateLimitsTests
{
    [Fact]
    public void Unset_means_AWSs_documented_rates()
    {
        AwsRateLimits limits = AwsRateLimits.Parse(null);

        Assert.Equal(50, limits.PerSecond(AwsQuotaGroup.SecretsManagerWrite));
        Assert.Equal(15, limits.PerSecond(AwsQuotaGroup.LambdaControl));
    }

    [Fact]
    public void An_override_replaces_the_rate_of_the_groups_it_names_only()
    {
        AwsRateLimits limits = AwsRateLimits.Parse(" secretsmanager:write=25, Lambda:Control=2.5 ");

        Assert.Equal(25, limits.PerSecond(AwsQuotaGroup.SecretsManagerWrite));
        Assert.Equal(2.5, limits.PerSecond(AwsQuotaGroup.LambdaControl));
        Assert.Equal(50, limits.PerSecond(AwsQuotaGroup.SecretsManagerRotate));
    }

    [Theory]
    [InlineData("secretsmanager:writes=25", "'secretsmanager:writes=25' is not group=rate with a known group.")]
    [InlineData("secretsmanager:write", "'secretsmanager:write' is not group=rate with a known group.")]
    [InlineData("secretsmanager:write=0", "the rate for secretsmanager:write must be a positive number of calls a second; it is '0'.")]
    [InlineData("lambda:control=-1", "the rate for lambda:control must be a positive number of calls a second; it is '-1'.")]
    [InlineData("lambda:control=fast", "the rate for lambda:control must be a positive number of calls a second; it is 'fast'.")]
    public void A_malformed_setting_is_refused_naming_the_variable_the_problem_and_the_valid_groups(string text, string problem)
    {
        var error = Assert.Throws<AwsConfigurationException>(() => AwsRateLimits.Parse(text));

        Assert.Equal("ROTATIONOPS_RATE_LIMITS", error.ParameterName);
        Assert.StartsWith("ROTATIONOPS_RATE_LIMITS is invalid: " + problem, error.Message);
        Assert.Contains("e.g. 'secretsmanager:write=25,lambda:control=5'", error.Message);
        Assert.Contains("secretsmanager:read, secretsmanager:write, secretsmanager:rotate, lambda:getfunction", error.Message);
    }
}
