using System.Linq;
using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>
/// AddPermission (201): a statement in the resource policy of the function, version or alias. Granting
/// lambda:InvokeFunction to secretsmanager.amazonaws.com is what lets Secrets Manager run a rotation function.
/// </summary>
internal sealed class AddPermissionOperation(FunctionStore store, FunctionPolicies policies) : ILambdaOperation
{
    public string Name => LambdaRoutes.AddPermission;

    public LambdaReply Execute(LambdaCall call)
    {
        var reference = call.Function(store, withQualifier: true);
        var input = call.Body();
        var statementId = input.RequiredString("StatementId", 1, 100);
        if (!statementId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw LambdaErrors.PatternMismatch("statementId", statementId, "([a-zA-Z0-9-_]+)");
        }

        var action = input.RequiredString("Action", 1, 256);
        var principal = input.RequiredString("Principal", 1, 256);
        var sourceArn = input.String("SourceArn");
        var sourceAccount = input.String("SourceAccount", 12, 12);
        var revisionId = input.String("RevisionId");

        var (function, _, _) = store.Resolve(reference);
        var resource = reference.Qualifier is { } qualifier ? function.QualifiedArn(qualifier) : function.Arn;
        var statement = policies.Add(function.Name, reference.Qualifier,
            new PolicyStatement(statementId, principal, action, resource, sourceArn, sourceAccount), revisionId);
        return new LambdaReply(StatusCodes.Status201Created, AwsJsonOutput.Render(output => output.WriteString("Statement", statement)));
    }
}
