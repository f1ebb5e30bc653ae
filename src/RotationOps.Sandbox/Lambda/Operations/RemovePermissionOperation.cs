using Microsoft.AspNetCore.Http;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>RemovePermission (204): drops one statement; the policy goes when its last statement does.</summary>
internal sealed class RemovePermissionOperation(FunctionStore store, FunctionPolicies policies) : ILambdaOperation
{
    public string Name => LambdaRoutes.RemovePermission;

    public LambdaReply Execute(LambdaCall call)
    {
        var reference = call.Function(store, withQualifier: true);
        var (function, _, _) = store.Resolve(reference);
        policies.Remove(function.Name, reference.Qualifier, call.Label("StatementId"), call.Query("RevisionId"));
        return LambdaReply.Empty(StatusCodes.Status204NoContent);
    }
}
