namespace RotationOps.Sandbox.RotationFunctions;

/// <summary>The four steps Secrets Manager invokes a rotation function with, in order.</summary>
public enum RotationStep
{
    /// <summary><c>createSecret</c>: put the new value as AWSPENDING under the rotation token.</summary>
    CreateSecret,

    /// <summary><c>setSecret</c>: set the pending value in the service that owns the credential.</summary>
    SetSecret,

    /// <summary><c>testSecret</c>: check that the owning service accepts the pending value.</summary>
    TestSecret,

    /// <summary><c>finishSecret</c>: move AWSCURRENT to the pending version and remove AWSPENDING.</summary>
    FinishSecret,
}
