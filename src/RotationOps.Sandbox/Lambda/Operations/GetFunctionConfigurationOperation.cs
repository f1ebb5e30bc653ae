using Microsoft.AspNetCore.Http;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>GetFunctionConfiguration: $LATEST, a version, or the version an alias points at (?Qualifier= or name:qualifier).</summary>
internal sealed class GetFunctionConfigurationOperation(FunctionStore store) : ILambdaOperation
{
    public string Name => LambdaRoutes.GetFunctionConfiguration;

    public LambdaReply Execute(LambdaCall call)
    {
        var reference = call.Function(store, withQualifier: true);
        var (function, version, _) = store.Resolve(reference);
        var arn = reference.Qualifier is { } qualifier ? function.QualifiedArn(qualifier) : function.Arn;
        return new LambdaReply(StatusCodes.Status200OK, FunctionConfigurationJson.Render(function, version, arn, call.Now));
    }
}
