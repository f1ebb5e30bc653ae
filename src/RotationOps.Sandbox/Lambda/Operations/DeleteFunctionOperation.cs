using System.Linq;
using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.Errors;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>
/// DeleteFunction (204). Unqualified, it deletes the function with every version, alias and resource
/// policy, and a registered rotation function stops being invocable by Secrets Manager. With a version
/// number it deletes that version and its policy, unless an alias points at it or routes to it.
/// </summary>
/// <remarks>
/// The live service's answers, which the API reference leaves out: a <c>$LATEST</c> or alias
/// qualifier is refused before the function is looked up, and a version number that does not exist
/// is a success that changes nothing (the whole call is idempotent in the model).
/// </remarks>
internal sealed class DeleteFunctionOperation(FunctionStore store, FunctionPolicies policies) : ILambdaOperation
{
    private const string QualifierPattern = "(|[a-zA-Z0-9$_-]+)";

    public string Name => LambdaRoutes.DeleteFunction;

    public LambdaReply Execute(LambdaCall call)
    {
        var reference = call.Function(store, withQualifier: true);
        var versionNumber = reference.Qualifier is { } qualifier ? VersionNumber(qualifier) : null;
        var function = store.Find(reference.Name) ?? throw LambdaErrors.FunctionNotFound(store.ArnOf(reference.Name));
        if (versionNumber is null)
        {
            store.Remove(function);
            policies.Delete(function.Name, null);
        }
        else if (function.FindVersion(versionNumber) is { } version)
        {
            var aliases = function.AliasesReferencing(version.Version);
            if (aliases.Count > 0)
            {
                throw LambdaErrors.VersionReferencedByAliases(aliases);
            }

            function.Published.Remove(version);
            policies.Delete(function.Name, version.Version);
        }

        return LambdaReply.Empty(StatusCodes.Status204NoContent);
    }

    /// <summary>The qualifier as a version to delete; <c>$LATEST</c> and alias names are refused, as the model's constraints are.</summary>
    private static string VersionNumber(string qualifier)
    {
        // An empty ?Qualifier= must not read as "no qualifier": that would delete the whole function.
        if (qualifier.Length is 0 or > 128)
        {
            throw CommonErrors.Validation(
                $"Value '{qualifier}' at 'qualifier' failed to satisfy constraint: Member must have length {(qualifier.Length == 0 ? "greater than or equal to 1" : "less than or equal to 128")}");
        }

        if (!qualifier.All(c => char.IsAsciiLetterOrDigit(c) || c is '$' or '_' or '-'))
        {
            throw LambdaErrors.PatternMismatch("qualifier", qualifier, QualifierPattern);
        }

        return qualifier == FunctionVersion.Latest ? throw LambdaErrors.LatestNotDeletable()
            : qualifier.All(char.IsAsciiDigit) ? qualifier
            : throw LambdaErrors.AliasNotDeletable();
    }
}
