using System.Linq;
using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>ListFunctions: every function's $LATEST (unqualified ARNs), or with FunctionVersion=ALL every version; 50 a page.</summary>
internal sealed class ListFunctionsOperation(FunctionStore store) : ILambdaOperation
{
    public string Name => LambdaRoutes.ListFunctions;

    public LambdaReply Execute(LambdaCall call)
    {
        var all = call.Query("FunctionVersion") switch
        {
            null => false,
            "ALL" => true,
            var other => throw LambdaErrors.PatternMismatch("functionVersion", other, "ALL"),
        };
        var items = store.All
            .SelectMany(f => (all ? f.AllVersions : [f.Latest]).Select(v => (Function: f, Version: v)))
            .ToList();
        var (page, next) = Paging.Take(items, call);
        var body = AwsJsonOutput.Render(output =>
        {
            output.WriteStringIfSet("NextMarker", next);
            output.WriteStartArray("Functions");
            foreach (var (function, version) in page)
            {
                var arn = all ? function.QualifiedArn(version.Version) : function.Arn;
                FunctionConfigurationJson.WriteObject(output, null, function, version, arn, call.Now);
            }

            output.WriteEndArray();
        });
        return new LambdaReply(StatusCodes.Status200OK, body);
    }
}
