using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.Errors;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>CreateAlias (201): a name for an existing version, optionally routing a share to one more version.</summary>
internal sealed class CreateAliasOperation(FunctionStore store) : ILambdaOperation
{
    public string Name => LambdaRoutes.CreateAlias;

    public LambdaReply Execute(LambdaCall call)
    {
        var reference = call.Function(store, withQualifier: false).RequireUnqualified();
        var input = call.Body();
        var name = AliasInput.Name(input.RequiredString("Name", 1, 128));
        var target = AliasInput.FunctionVersion(input)
            ?? throw CommonErrors.Validation("Value null at 'functionVersion' failed to satisfy constraint: Member must not be null");
        var description = input.String("Description", 0, 256) ?? string.Empty;
        var weights = AliasInput.Weights(input);

        var function = store.Require(reference);
        if (function.Aliases.ContainsKey(name))
        {
            throw LambdaErrors.AliasExists(function.QualifiedArn(name));
        }

        function.RequireVersion(target);
        var routing = weights is null ? null : AliasRoutingRules.Validate(function, target, weights);
        var alias = new FunctionAlias(name, function.QualifiedArn(name), target) { Description = description, Routing = routing };
        function.Aliases.Add(name, alias);
        return new LambdaReply(StatusCodes.Status201Created, AliasConfigurationJson.Render(alias));
    }
}
