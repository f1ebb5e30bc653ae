using System.Collections.Generic;
using System.Linq;
using RotationOps.Engine.Errors;

namespace RotationOps.Commands;

/// <summary>
/// Invoke-SecretRotation's modes, which clash, and the parameters that belong to one mode.
/// -Pending and -TestScript in a service rotation are refused by the engine, which checks every
/// rotation request.
/// </summary>
internal static class InvokeSecretRotationRules
{
    private static readonly string[] Service = { "RotationLambdaArn", "AutomaticallyAfterDays", "ScheduleExpression", "RotationWindow", "Timeout" };

    private static readonly string[] Generation =
    {
        "PasswordLength", "ExcludeCharacters", "ExcludeNumbers", "ExcludePunctuation", "ExcludeUppercase", "ExcludeLowercase",
        "IncludeSpace", "RequireEachIncludedType",
    };

    private static readonly string[] CompleteOnly = { "VersionId", "PreviousVersionId", "DeploymentId" };

    private const string Promotes = "-Complete promotes a value staged earlier with -Pending";

    public static readonly IReadOnlyList<ParameterRule> All = new[]
    {
        ParameterRule.Exclusive("NewValue", "GeneratePassword",
            "-NewValue stores the value you give, -GeneratePassword has Secrets Manager generate one. Give one."),
        ParameterRule.Exclusive("NewValue", "Complete", $"{Promotes}, -NewValue stages a new one. Give one."),
        ParameterRule.Exclusive("GeneratePassword", "Complete", $"{Promotes}, -GeneratePassword stages a new one. Give one."),
        ParameterRule.Exclusive("Pending", "Complete",
            "-Pending stages a new value and stops, -Complete promotes one staged earlier. Run them one after the other."),
        ParameterRule.Exclusive("JsonKey", "Complete",
            "the value was built when it was staged, and -Complete promotes it as it is. Leave -JsonKey out."),
    }
    .Concat(Service.SelectMany(parameter => new[]
    {
        ParameterRule.Exclusive(parameter, "NewValue",
            $"-{parameter} belongs to a service rotation, which the secret's rotation function runs; -NewValue rotates by hand to the value you give. Give one."),
        ParameterRule.Exclusive(parameter, "GeneratePassword",
            $"-{parameter} belongs to a service rotation, which the secret's rotation function runs; -GeneratePassword rotates by hand to a generated password. Give one."),
        ParameterRule.Exclusive(parameter, "Complete",
            $"-{parameter} belongs to a service rotation, which the secret's rotation function runs; {Promotes}. Give one."),
    }))
    .Concat(Generation.Select(parameter => ParameterRule.Requires(parameter, new[] { "GeneratePassword" },
        $"it shapes the password Secrets Manager generates. Add -GeneratePassword, or leave -{parameter} out.")))
    .Concat(CompleteOnly.Select(parameter => ParameterRule.Requires(parameter, new[] { "Complete" },
        $"it names the staged rotation that -Complete promotes. Add -Complete, or leave -{parameter} out.")))
    .Append(ParameterRule.Requires("JsonKey", new[] { "NewValue", "GeneratePassword" },
        "it names the key of a JSON secret that a manual rotation changes, and a service rotation's function builds the whole value. Add -NewValue or -GeneratePassword, or leave -JsonKey out."))
    .ToList();
}
