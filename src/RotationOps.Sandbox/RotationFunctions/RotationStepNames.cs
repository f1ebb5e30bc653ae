using System;

namespace RotationOps.Sandbox.RotationFunctions;

/// <summary>The wire spelling of rotation steps, as they appear in the invocation event's <c>Step</c>.</summary>
internal static class RotationStepNames
{
    public static string Of(RotationStep step) => step switch
    {
        RotationStep.CreateSecret => "createSecret",
        RotationStep.SetSecret => "setSecret",
        RotationStep.TestSecret => "testSecret",
        RotationStep.FinishSecret => "finishSecret",
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    public static RotationStep? Parse(string? name)
    {
        foreach (var step in Enum.GetValues<RotationStep>())
        {
            if (string.Equals(Of(step), name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(step.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                return step;
            }
        }

        return null;
    }
}
