using RotationOps.Module.Tests.Rules;

namespace RotationOps.Module.Tests;

/// <summary>The pipelines the README and examples promise, checked on the built module.</summary>
public sealed class RotationPipelineTests
{
    [Fact]
    public void A_rotation_pipes_into_Test_RotatedSecret() =>
        PipelineChain.AssertBinds("Invoke-SecretRotation", "Test-RotatedSecret", "SecretRotation");

    [Fact]
    public void A_pending_rotation_pipes_back_into_Invoke_SecretRotation_Complete() =>
        PipelineChain.AssertBinds("Invoke-SecretRotation", "Invoke-SecretRotation", "SecretRotation", "Complete");

    [Fact]
    public void A_validation_pipes_into_another_validation() =>
        PipelineChain.AssertBinds("Test-RotatedSecret", "Test-RotatedSecret", "SecretValidation");
}
