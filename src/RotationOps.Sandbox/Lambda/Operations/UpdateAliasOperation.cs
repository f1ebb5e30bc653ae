using System;
using Microsoft.AspNetCore.Http;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>
/// UpdateAlias: changes the members given. Routing left out of the request stays as it is and is
/// checked again against the new version, so moving an alias onto its own canary version without
/// clearing the routing (AdditionalVersionWeights {}) is refused, as on AWS. Every update, even one
/// that changes nothing, gives the alias a new RevisionId.
/// </summary>
internal sealed class UpdateAliasOperation(FunctionStore store) : ILambdaOperation
{
    public string Name => LambdaRoutes.UpdateAlias;

    public LambdaReply Execute(LambdaCall call)
    {
        var function = store.Require(call.Function(store, withQualifier: false).RequireUnqualified());
        var input = call.Body();
        var target = AliasInput.FunctionVersion(input);
        var description = input.String("Description", 0, 256);
        var weights = AliasInput.Weights(input);
        var alias = function.RequireAlias(AliasInput.Name(call.Label("Name")));
        if (input.String("RevisionId") is { } revision && revision != alias.RevisionId)
        {
            throw LambdaErrors.RevisionMismatch();
        }

        target ??= alias.FunctionVersion;
        function.RequireVersion(target);
        var routing = AliasRoutingRules.Validate(function, target, weights ?? alias.Weights);

        alias.FunctionVersion = target;
        alias.Description = description ?? alias.Description;
        alias.Routing = routing;
        alias.RevisionId = Guid.NewGuid().ToString();
        return new LambdaReply(StatusCodes.Status200OK, AliasConfigurationJson.Render(alias));
    }
}
