using Microsoft.AspNetCore.Http;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>
/// UpdateFunctionConfiguration: changes $LATEST's given members (Environment is replaced whole), then
/// LastUpdateStatus is InProgress for <see cref="LambdaOptions.UpdateDuration"/>.
/// </summary>
internal sealed class UpdateFunctionConfigurationOperation(FunctionStore store, LambdaOptions options) : ILambdaOperation
{
    public string Name => LambdaRoutes.UpdateFunctionConfiguration;

    public LambdaReply Execute(LambdaCall call)
    {
        var function = store.Require(call.Function(store, withQualifier: false).RequireUnqualified());
        var input = call.Body();
        var latest = function.Latest;
        var settings = SettingsInput.Read(input, latest.Settings);
        if (input.String("RevisionId") is { } revision && revision != latest.RevisionId)
        {
            throw LambdaErrors.RevisionMismatch();
        }

        function.EnsureIdle(call.Now);
        latest.Settings = settings;
        latest.LastModified = call.Now;
        latest.RevisionId = System.Guid.NewGuid().ToString();
        function.UpdateCompletesAt = call.Now + options.UpdateDuration;
        return new LambdaReply(StatusCodes.Status200OK, FunctionConfigurationJson.Render(function, latest, function.Arn, call.Now));
    }
}
