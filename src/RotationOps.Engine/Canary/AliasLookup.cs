using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Hosting;
using RotationOps.Engine.Lambda;

namespace RotationOps.Engine.Canary;

internal static class AliasLookup
{
    /// <summary>GetAlias, with a missing function or alias reported against the parameter to fix.</summary>
    public static async Task<AliasConfiguration> GetAsync(ILambdaClient client, string functionName, string aliasName, IRunbookHost host)
    {
        try
        {
            return await client.GetAliasAsync(functionName, aliasName, host.Cancellation).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.IsNotFound)
        {
            bool functionMissing = ex.ServiceMessage.StartsWith("Function not found", System.StringComparison.Ordinal);
            throw new RunbookException(functionMissing ? "FunctionNotFound" : "AliasNotFound", RunbookErrorCategory.ObjectNotFound,
                functionMissing
                    ? $"Function '{functionName}' was not found in this account and region (check -FunctionName, -Region and -ProfileName)."
                    : $"Function '{functionName}' has no alias '{aliasName}'. Create it on the live version first (aws lambda create-alias), then canary behind it.",
                functionName, functionMissing ? "FunctionName" : "AliasName", ex);
        }
    }
}
