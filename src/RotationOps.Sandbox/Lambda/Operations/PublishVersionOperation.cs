using Microsoft.AspNetCore.Http;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>
/// PublishVersion (201): freezes $LATEST as the next version number, Pending for
/// <see cref="LambdaOptions.ActivationDuration"/>; returns the last version instead when nothing changed.
/// </summary>
internal sealed class PublishVersionOperation(FunctionStore store, LambdaOptions options) : ILambdaOperation
{
    public string Name => LambdaRoutes.PublishVersion;

    public LambdaReply Execute(LambdaCall call)
    {
        var function = store.Require(call.Function(store, withQualifier: false).RequireUnqualified());
        var input = call.Body();
        var description = input.String("Description", 0, 256);
        var latest = function.Latest;
        if (input.String("CodeSha256") is { } sha256 && sha256 != latest.Code.Sha256)
        {
            throw LambdaErrors.CodeSha256Mismatch(sha256, latest.Code.Sha256);
        }

        if (input.String("RevisionId") is { } revision && revision != latest.RevisionId)
        {
            throw LambdaErrors.RevisionMismatch();
        }

        function.EnsureIdle(call.Now);
        var version = function.Publish(description, call.Now, call.Now + options.ActivationDuration);
        return new LambdaReply(StatusCodes.Status201Created,
            FunctionConfigurationJson.Render(function, version, function.QualifiedArn(version.Version), call.Now));
    }
}
