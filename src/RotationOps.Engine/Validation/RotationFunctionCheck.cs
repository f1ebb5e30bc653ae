using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Lambda;

namespace RotationOps.Engine.Validation;

/// <summary>
/// Seed 003's Lambda-side causes of "rotation configured but never happens": the rotation
/// function does not exist, is not Active, or its resource policy does not let
/// secretsmanager.amazonaws.com invoke it.
/// </summary>
internal static class RotationFunctionCheck
{
    private const string SecretsManagerPrincipal = "secretsmanager.amazonaws.com";

    public static async Task<(CheckResult, string)> RunAsync(ILambdaClient lambda, string? functionArn, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(functionArn)) return (CheckResult.Skipped, "no rotation function is configured.");
        FunctionConfiguration config;
        try
        {
            config = await lambda.GetFunctionConfigurationAsync(functionArn!, null, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.IsNotFound)
        {
            return (CheckResult.Failed, $"the rotation function {functionArn} does not exist: Secrets Manager has nothing to invoke.");
        }
        catch (AwsServiceException ex) when (ex.IsAccessDenied)
        {
            // Auditors often may read secrets but not Lambda: say what could not be checked.
            return (CheckResult.Warning, $"could not read the rotation function ({ex.ErrorCode}); grant lambda:GetFunctionConfiguration and lambda:GetPolicy to check it.");
        }
        if (config.State != null && config.State != "Active")
            return (CheckResult.Failed, $"the rotation function {config.FunctionName} is {config.State}: {config.StateReason}");
        string policy;
        try
        {
            policy = (await lambda.GetPolicyAsync(functionArn!, null, cancellationToken).ConfigureAwait(false)).Policy;
        }
        catch (AwsServiceException ex) when (ex.IsAccessDenied)
        {
            return (CheckResult.Warning, $"{config.FunctionName} is {config.State ?? "Active"}, but its resource policy could not be read ({ex.ErrorCode}).");
        }
        catch (AwsServiceException ex) when (ex.IsNotFound)
        {
            return (CheckResult.Failed, $"the rotation function {config.FunctionName} has no resource policy, so {SecretsManagerPrincipal} may not invoke it (add-permission --principal {SecretsManagerPrincipal} --action lambda:InvokeFunction).");
        }
        return AllowsSecretsManager(policy)
            ? (CheckResult.Passed, $"{config.FunctionName} is Active and its resource policy lets {SecretsManagerPrincipal} invoke it.")
            : (CheckResult.Failed, $"the resource policy of {config.FunctionName} does not let {SecretsManagerPrincipal} invoke it (add-permission --principal {SecretsManagerPrincipal} --action lambda:InvokeFunction).");
    }

    /// <summary>True when an Allow statement names the Secrets Manager service principal for lambda:InvokeFunction.</summary>
    internal static bool AllowsSecretsManager(string policyJson)
    {
        using (var document = JsonDocument.Parse(policyJson))
        {
            if (!document.RootElement.TryGetProperty("Statement", out var statements)) return false;
            var list = statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : new[] { statements }.ToList();
            return list.Any(statement =>
                Text(statement, "Effect") == "Allow" &&
                Values(statement, "Action").Any(a => a == "lambda:InvokeFunction" || a == "lambda:*" || a == "*") &&
                statement.TryGetProperty("Principal", out var principal) &&
                (principal.ValueKind == JsonValueKind.Object
                    ? Values(principal, "Service").Contains(SecretsManagerPrincipal)
                    : principal.ValueKind == JsonValueKind.String && principal.GetString() == "*"));
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string[] Values(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value)) return Array.Empty<string>();
        if (value.ValueKind == JsonValueKind.String) return new[] { value.GetString()! };
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString() ?? "").ToArray() : Array.Empty<string>();
    }
}
