using System.Linq;
using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>ListVersionsByFunction: $LATEST then each version, qualified ARNs, at most 50 a page.</summary>
internal sealed class ListVersionsByFunctionOperation(FunctionStore store) : ILambdaOperation
{
    public string Name => LambdaRoutes.ListVersionsByFunction;

    public LambdaReply Execute(LambdaCall call)
    {
        var function = store.Require(call.Function(store, withQualifier: false));
        var (page, next) = Paging.Take(function.AllVersions.ToList(), call);
        var body = AwsJsonOutput.Render(output =>
        {
            output.WriteStringIfSet("NextMarker", next);
            output.WriteStartArray("Versions");
            foreach (var version in page)
            {
                FunctionConfigurationJson.WriteObject(output, null, function, version, function.QualifiedArn(version.Version), call.Now);
            }

            output.WriteEndArray();
        });
        return new LambdaReply(StatusCodes.Status200OK, body);
    }
}
