using System.Collections.Generic;
using RotationOps.Engine.Errors;

namespace RotationOps.Commands;

/// <summary>
/// Undo-Deployment's targets, which clash: one undo restores one thing. Which version a target
/// goes back to (-ToVersion for an alias, -ToVersionId for a secret) is checked by the engine,
/// which alone knows what a -DeploymentId undoes.
/// </summary>
internal static class UndoDeploymentRules
{
    private const string Journaled = "-DeploymentId undoes a deployment or rotation from the journal, which knows its target; ";
    private const string Alias = "-FunctionName with -AliasName restores an alias";
    private const string Secret = "-SecretId moves a secret's AWSCURRENT back";

    public static readonly IReadOnlyList<ParameterRule> All = new[]
    {
        ParameterRule.Exclusive("DeploymentId", "SecretId", Journaled + Secret + ". Give one."),
        ParameterRule.Exclusive("DeploymentId", "FunctionName", Journaled + Alias + ". Give one."),
        ParameterRule.Exclusive("DeploymentId", "AliasName", Journaled + Alias + ". Give one."),
        ParameterRule.Exclusive("SecretId", "FunctionName", Secret + ", " + Alias + ". Undo them one at a time."),
        ParameterRule.Exclusive("SecretId", "AliasName", Secret + ", " + Alias + ". Undo them one at a time."),
    };
}
