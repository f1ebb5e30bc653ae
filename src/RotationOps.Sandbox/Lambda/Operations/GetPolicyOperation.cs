using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>GetPolicy: the resource policy as a JSON string; a function without one answers ResourceNotFoundException.</summary>
internal sealed class GetPolicyOperation(FunctionStore store, FunctionPolicies policies) : ILambdaOperation
{
    public string Name => LambdaRoutes.GetPolicy;

    public LambdaReply Execute(LambdaCall call)
    {
        var reference = call.Function(store, withQualifier: true);
        var (function, _, _) = store.Resolve(reference);
        var (document, revisionId) = policies.Find(function.Name, reference.Qualifier) ?? throw LambdaErrors.PolicyNotFound();
        return new LambdaReply(StatusCodes.Status200OK, AwsJsonOutput.Render(output =>
        {
            output.WriteString("Policy", document);
            output.WriteString("RevisionId", revisionId);
        }));
    }
}
