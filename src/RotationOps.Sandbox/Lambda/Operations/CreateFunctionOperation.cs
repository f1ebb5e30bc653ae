using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.Errors;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>CreateFunction (201): a zip function whose $LATEST starts Pending; Publish=true also publishes version 1.</summary>
internal sealed class CreateFunctionOperation(FunctionStore store, LambdaOptions options) : ILambdaOperation
{
    public string Name => LambdaRoutes.CreateFunction;

    public LambdaReply Execute(LambdaCall call)
    {
        var input = call.Body();
        var name = FunctionReference.Parse(input.RequiredString("FunctionName", 1, 140), null, store).RequireUnqualified().Name;
        var role = input.RequiredString("Role", 1, 2048);
        var code = input.Structure("Code") ?? throw CommonErrors.Validation("Value null at 'code' failed to satisfy constraint: Member must not be null");
        var zip = code.Blob("ZipFile") ?? throw LambdaErrors.ZipFileRequired();
        var defaults = new FunctionSettings(null, role, null, string.Empty, FunctionSettings.DefaultTimeout, FunctionSettings.DefaultMemorySize, null, null);
        var settings = SettingsInput.Read(input, defaults);
        var publish = input.Bool("Publish") ?? false;
        var package = FunctionCode.FromZip(zip);

        var activeAt = call.Now + options.ActivationDuration;
        var function = store.Add(name, new FunctionVersion(FunctionVersion.Latest, settings, package, call.Now, activeAt, new LambdaBehavior()));
        if (publish)
        {
            var version = function.Publish(null, call.Now, activeAt);
            return new LambdaReply(StatusCodes.Status201Created,
                FunctionConfigurationJson.Render(function, version, function.QualifiedArn(version.Version), call.Now));
        }

        return new LambdaReply(StatusCodes.Status201Created, FunctionConfigurationJson.Render(function, function.Latest, function.Arn, call.Now));
    }
}
