using RotationOps.Engine.Validation;

namespace RotationOps.Engine.Tests.Validation;

public sealed class RotationFunctionPolicyTests
{
    [Theory]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"sm\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"secretsmanager.amazonaws.com\"},\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:function:rot\"}]}")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"events.amazonaws.com\",\"secretsmanager.amazonaws.com\"]},\"Action\":[\"lambda:InvokeFunction\"]}}")]
    public void A_policy_granting_Secrets_Manager_invoke_is_recognised(string policy) =>
        Assert.True(RotationFunctionCheck.AllowsSecretsManager(policy));

    [Theory]
    [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"events.amazonaws.com\"},\"Action\":\"lambda:InvokeFunction\"}]}")]
    [InlineData("{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":{\"Service\":\"secretsmanager.amazonaws.com\"},\"Action\":\"lambda:InvokeFunction\"}]}")]
    [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"secretsmanager.amazonaws.com\"},\"Action\":\"lambda:GetFunction\"}]}")]
    [InlineData("{\"Version\":\"2012-10-17\"}")]
    public void A_policy_without_that_grant_is_not(string policy) =>
        Assert.False(RotationFunctionCheck.AllowsSecretsManager(policy));
}
