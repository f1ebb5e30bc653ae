using Microsoft.AspNetCore.Http;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>DeleteAlias (204). The model gives it no ResourceNotFoundException: deleting what is not there succeeds.</summary>
internal sealed class DeleteAliasOperation(FunctionStore store) : ILambdaOperation
{
    public string Name => LambdaRoutes.DeleteAlias;

    public LambdaReply Execute(LambdaCall call)
    {
        var reference = call.Function(store, withQualifier: false).RequireUnqualified();
        var name = AliasInput.Name(call.Label("Name"));
        store.Find(reference.Name)?.Aliases.Remove(name);
        return LambdaReply.Empty(StatusCodes.Status204NoContent);
    }
}
