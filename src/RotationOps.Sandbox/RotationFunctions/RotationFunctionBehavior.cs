using System;

namespace RotationOps.Sandbox.RotationFunctions;

/// <summary>
/// What a native rotation function does when Secrets Manager invokes it. It follows AWS's
/// rotation templates step by step; these knobs choose the new value and the failures.
/// </summary>
public sealed record RotationFunctionBehavior
{
    /// <summary>How createSecret makes the new value.</summary>
    public RotationStrategy Strategy { get; init; } = RotationStrategy.GeneratePassword;

    /// <summary>The step that raises an error (the rotation then stops there), or null for none.</summary>
    public RotationStep? FailAtStep { get; init; }

    /// <summary>Virtual time each step takes; the rotation's effects land at the end of each step.</summary>
    public TimeSpan StepLatency { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Whether the function's resource policy lets <c>secretsmanager.amazonaws.com</c> invoke it.
    /// False makes RotateSecret fail with AccessDeniedException, as a missing lambda:InvokeFunction
    /// permission does. Registering writes the policy; from then on Lambda's AddPermission and
    /// RemovePermission change it, and the registry reports the policy's answer.
    /// </summary>
    public bool AllowSecretsManagerInvoke { get; init; } = true;

    /// <summary>
    /// Alternating-users rotation: setSecret leaves the current credential valid downstream next to
    /// the new one. False is single-user rotation: the old credential stops working at setSecret.
    /// </summary>
    public bool KeepCurrentCredentialValid { get; init; }

    /// <summary>Length of generated passwords.</summary>
    public int PasswordLength { get; init; } = 32;

    /// <summary>Characters generated passwords avoid; the default is the AWS templates' choice.</summary>
    public string ExcludeCharacters { get; init; } = "/@\"'\\";
}
