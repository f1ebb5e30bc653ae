using System;
using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Sandbox.SecretsManager.Rotation;

namespace RotationOps.Sandbox.SecretsManager.Operations;

/// <summary>
/// RotateSecret: stores the rotation configuration, creates the empty AWSPENDING version named by
/// the token, and returns at once; the function's steps run afterwards on the virtual clock, so
/// the caller never sees a step fail.
/// </summary>
internal sealed class RotateSecretOperation(SecretStore store, RotationFunctionRegistry functions, RotationProcessor rotations)
    : ISecretsManagerOperation
{
    public string Name => "RotateSecret";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var secretId = OperationInput.SecretId(input);
        var token = OperationInput.ClientRequestToken(input);
        var lambdaArn = input.String("RotationLambdaARN", 0, 2048);
        var rulesInput = input.Structure("RotationRules");
        var immediately = input.Bool("RotateImmediately") ?? true;
        var secret = store.ResolveLive(secretId);
        if (token is null)
        {
            throw SecretsManagerErrors.TokenRequired();
        }

        // The token exists for retries: repeating the call that started the running rotation starts nothing new.
        if (secret.ActiveRun?.Token == token)
        {
            WriteReply(output, secret, token);
            return;
        }

        var rules = rulesInput is null ? secret.Rotation?.Rules : RotationRules.Parse(rulesInput, now);
        var functionArn = string.IsNullOrEmpty(lambdaArn) ? secret.Rotation?.LambdaArn : lambdaArn;
        if (functionArn is null)
        {
            throw SecretsManagerErrors.NoRotationFunction();
        }

        // Secrets Manager checks it may invoke the function before it changes anything.
        var function = functions.Find(functionArn);
        if (function is not { Behavior.AllowSecretsManagerInvoke: true })
        {
            throw SecretsManagerErrors.CannotInvokeRotationFunction();
        }

        var pending = secret.VersionWithStage(StagingLabels.Pending);
        if (pending is not null && !pending.HasStage(StagingLabels.Current))
        {
            throw SecretsManagerErrors.PreviousRotationIncomplete();
        }

        if (secret.VersionById(token) is not null)
        {
            throw SecretsManagerErrors.TokenInUseForRotation(token, secret.Arn);
        }

        rotations.Begin(secret, token, function, immediately, now);
        secret.Rotation = new RotationConfiguration(functionArn, rules)
        {
            NextWindow = rules?.Schedule.NextWindow(now),
        };
        WriteReply(output, secret, token);
    }

    private static void WriteReply(Utf8JsonWriter output, Secret secret, string token)
    {
        output.WriteString("ARN", secret.Arn);
        output.WriteString("Name", secret.Name);
        output.WriteString("VersionId", token);
    }
}
