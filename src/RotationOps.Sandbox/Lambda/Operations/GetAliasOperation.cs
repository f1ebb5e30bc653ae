using Microsoft.AspNetCore.Http;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>GetAlias: the alias's version, routing weights and RevisionId.</summary>
internal sealed class GetAliasOperation(FunctionStore store) : ILambdaOperation
{
    public string Name => LambdaRoutes.GetAlias;

    public LambdaReply Execute(LambdaCall call)
    {
        var function = store.Require(call.Function(store, withQualifier: false).RequireUnqualified());
        var alias = function.RequireAlias(AliasInput.Name(call.Label("Name")));
        return new LambdaReply(StatusCodes.Status200OK, AliasConfigurationJson.Render(alias));
    }
}
