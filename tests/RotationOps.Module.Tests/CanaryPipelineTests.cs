using RotationOps.Module.Tests.Rules;

namespace RotationOps.Module.Tests;

/// <summary>The canary pipelines of DESIGN.md and the README, checked on the built module.</summary>
public sealed class CanaryPipelineTests
{
    [Fact]
    public void A_rotation_pipes_into_Publish_LambdaCanary_given_the_function() =>
        PipelineChain.AssertBinds("Invoke-SecretRotation", "Publish-LambdaCanary", "SecretRotation", "FunctionName", "AliasName", "Weight");

    [Fact]
    public void A_validation_pipes_into_Publish_LambdaCanary_given_the_function() =>
        PipelineChain.AssertBinds("Test-RotatedSecret", "Publish-LambdaCanary", "SecretValidation", "FunctionName", "AliasName", "Weight");

    [Fact]
    public void A_canary_pipes_into_Set_AliasWeight() =>
        PipelineChain.AssertBinds("Publish-LambdaCanary", "Set-AliasWeight", "LambdaDeployment", "Steps");

    [Fact]
    public void A_deployment_pipes_into_Undo_Deployment() =>
        PipelineChain.AssertBinds("Set-AliasWeight", "Undo-Deployment", "LambdaDeployment");

    [Fact]
    public void A_rotation_pipes_into_Undo_Deployment() =>
        PipelineChain.AssertBinds("Invoke-SecretRotation", "Undo-Deployment", "SecretRotation");
}
