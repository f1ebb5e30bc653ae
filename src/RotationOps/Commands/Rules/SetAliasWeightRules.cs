using System.Collections.Generic;
using RotationOps.Engine.Errors;

namespace RotationOps.Commands;

/// <summary>Set-AliasWeight's parameters that clash, or mean nothing alone.</summary>
internal static class SetAliasWeightRules
{
    private static readonly string[] Gates = { "Alarm", "MaxErrorRate", "MaxErrorRateIncrease", "HealthScript", "Verdict" };

    public static readonly IReadOnlyList<ParameterRule> All = new[]
    {
        ParameterRule.Exclusive("Weight", "Promote",
            "-Promote sends all traffic to the new version, -Weight sends a share of it. Give one."),
        ParameterRule.Exclusive("Steps", "Promote",
            "-Promote sends all traffic to the new version at once, -Steps walks there share by share (a last step of 1 promotes). Give one."),
        ParameterRule.Exclusive("Weight", "Steps",
            "-Weight moves the canary to one share, -Steps walks a list of shares. Give one (-Steps 0.2 is the same move as -Weight 0.2)."),
        ParameterRule.Exclusive("BakeTime", "Promote",
            "-Promote sends all traffic at once, so there is no step to bake. To bake before promoting, walk there: -Steps 0.5, 1 -BakeTime 00:10:00."),
        ParameterRule.Requires("PollInterval", new[] { "BakeTime" },
            "it is how often the gates are polled during a bake, and without a bake nothing is polled. Give -BakeTime, or leave -PollInterval out."),
        ParameterRule.Requires("MinInvocations", new[] { "MaxErrorRate", "MaxErrorRateIncrease", "Verdict" },
            "it is how many invocations the error-rate gates wait for before they judge, and no error-rate gate was given. Give one, or leave -MinInvocations out."),
        ParameterRule.Requires("FalseRollbackRate", new[] { "Verdict" },
            "it bounds the rollbacks of the sequential verdict, and -Verdict was not given. Add -Verdict Sequential, or leave -FalseRollbackRate out."),
        ParameterRule.Requires("NoRollback", Gates,
            "it says what to do when a gate fails, and no gate was given. Give a gate, or leave -NoRollback out."),
    };
}
