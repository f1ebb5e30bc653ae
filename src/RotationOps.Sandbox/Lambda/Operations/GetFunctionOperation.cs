using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>GetFunction: the configuration plus where the code lives (the Sandbox keeps only its hash).</summary>
internal sealed class GetFunctionOperation(FunctionStore store) : ILambdaOperation
{
    public string Name => LambdaRoutes.GetFunction;

    public LambdaReply Execute(LambdaCall call)
    {
        var reference = call.Function(store, withQualifier: true);
        var (function, version, _) = store.Resolve(reference);
        var arn = reference.Qualifier is { } qualifier ? function.QualifiedArn(qualifier) : function.Arn;
        var body = AwsJsonOutput.Render(output =>
        {
            FunctionConfigurationJson.WriteObject(output, "Configuration", function, version, arn, call.Now);
            output.WriteStartObject("Code");
            output.WriteString("RepositoryType", "S3");

            // On AWS a presigned download URL; nothing can be downloaded from the Sandbox.
            output.WriteString("Location", $"https://awslambda-{store.Region}-tasks.s3.{store.Region}.amazonaws.com/snapshots/{store.AccountId}/{function.Name}-{version.RevisionId}");
            output.WriteEndObject();
        });
        return new LambdaReply(StatusCodes.Status200OK, body);
    }
}
