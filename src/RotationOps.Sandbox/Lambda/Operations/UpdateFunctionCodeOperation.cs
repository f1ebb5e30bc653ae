using System;
using Microsoft.AspNetCore.Http;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>
/// UpdateFunctionCode from a ZipFile: new CodeSha256 and CodeSize on $LATEST, then InProgress like a
/// configuration update. DryRun validates only; Publish also publishes a version.
/// </summary>
internal sealed class UpdateFunctionCodeOperation(FunctionStore store, LambdaOptions options) : ILambdaOperation
{
    public string Name => LambdaRoutes.UpdateFunctionCode;

    public LambdaReply Execute(LambdaCall call)
    {
        var function = store.Require(call.Function(store, withQualifier: false).RequireUnqualified());
        var input = call.Body();
        var package = FunctionCode.FromZip(input.Blob("ZipFile") ?? throw LambdaErrors.ZipFileRequired());
        var latest = function.Latest;
        if (input.String("RevisionId") is { } revision && revision != latest.RevisionId)
        {
            throw LambdaErrors.RevisionMismatch();
        }

        function.EnsureIdle(call.Now);
        if (input.Bool("DryRun") == true)
        {
            return new LambdaReply(StatusCodes.Status200OK, FunctionConfigurationJson.Render(function, latest, function.Arn, call.Now));
        }

        latest.Code = package;
        latest.LastModified = call.Now;
        latest.RevisionId = Guid.NewGuid().ToString();
        function.UpdateCompletesAt = call.Now + options.UpdateDuration;
        if (input.Bool("Publish") == true)
        {
            var version = function.Publish(null, call.Now, call.Now + options.ActivationDuration);
            return new LambdaReply(StatusCodes.Status200OK,
                FunctionConfigurationJson.Render(function, version, function.QualifiedArn(version.Version), call.Now));
        }

        return new LambdaReply(StatusCodes.Status200OK, FunctionConfigurationJson.Render(function, latest, function.Arn, call.Now));
    }
}
