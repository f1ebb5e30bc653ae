using System.Linq;
using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>ListAliases: by name, optionally only those pointing at ?FunctionVersion=, at most 50 a page.</summary>
internal sealed class ListAliasesOperation(FunctionStore store) : ILambdaOperation
{
    public string Name => LambdaRoutes.ListAliases;

    public LambdaReply Execute(LambdaCall call)
    {
        var function = store.Require(call.Function(store, withQualifier: false).RequireUnqualified());
        var version = call.Query("FunctionVersion");
        var aliases = function.Aliases.Values.Where(a => version is null || a.FunctionVersion == version).ToList();
        var (page, next) = Paging.Take(aliases, call);
        var body = AwsJsonOutput.Render(output =>
        {
            output.WriteStringIfSet("NextMarker", next);
            output.WriteStartArray("Aliases");
            foreach (var alias in page)
            {
                AliasConfigurationJson.WriteItem(output, alias);
            }

            output.WriteEndArray();
        });
        return new LambdaReply(StatusCodes.Status200OK, body);
    }
}
