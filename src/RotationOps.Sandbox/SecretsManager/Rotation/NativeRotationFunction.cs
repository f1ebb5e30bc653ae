using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using RotationOps.Sandbox.Downstream;
using RotationOps.Sandbox.Errors;
using RotationOps.Sandbox.RotationFunctions;

namespace RotationOps.Sandbox.SecretsManager.Rotation;

/// <summary>
/// Runs one step of a registered rotation function the way AWS's rotation templates do: the same
/// staging checks first, then createSecret / setSecret / testSecret / finishSecret. It works on the
/// secret directly (the caller holds the store lock) with the same rules the API enforces.
/// </summary>
internal sealed class NativeRotationFunction(DownstreamCredentialStore downstream)
{
    /// <summary>Runs the step; returns null on success or the error the function raised.</summary>
    public string? Invoke(RotationFunction function, RotationStep step, Secret secret, string token, DateTimeOffset now)
    {
        // The templates' prelude, from DescribeSecret.
        if (secret.Rotation is not { Enabled: true })
        {
            return $"Secret {secret.Arn} is not enabled for rotation.";
        }

        var version = secret.VersionById(token);
        if (version is null || version.IsDeprecated)
        {
            return $"Secret version {token} has no stage for rotation of secret {secret.Arn}.";
        }

        if (version.HasStage(StagingLabels.Current))
        {
            return null;
        }

        if (!version.HasStage(StagingLabels.Pending))
        {
            return $"Secret version {token} not set as AWSPENDING for rotation of secret {secret.Arn}.";
        }

        if (function.Behavior.FailAtStep == step)
        {
            return $"{function.Name} raised an error in step {RotationStepNames.Of(step)} (injected failure).";
        }

        try
        {
            return step switch
            {
                RotationStep.CreateSecret => CreateSecret(function.Behavior, secret, version, now),
                RotationStep.SetSecret => SetSecret(function.Behavior, secret, version),
                RotationStep.TestSecret => TestSecret(secret, version),
                RotationStep.FinishSecret => FinishSecret(secret, version, now),
                _ => throw new ArgumentOutOfRangeException(nameof(step)),
            };
        }
        catch (AwsErrorException error)
        {
            return $"{error.Code}: {error.Message}";
        }
    }

    private static string? CreateSecret(RotationFunctionBehavior behavior, Secret secret, SecretVersion pending, DateTimeOffset now)
    {
        var current = SecretValueReader.Read(secret, null, StagingLabels.Current).Value!;
        if (pending.Value is not null)
        {
            return null;
        }

        var password = RandomPasswordGenerator.Generate(new PasswordRules
        {
            Length = behavior.PasswordLength,
            ExcludeCharacters = behavior.ExcludeCharacters,
        });
        string next;
        if (behavior.Strategy.JsonKey is { } key)
        {
            if (Parse(current.Text) is not JsonObject json)
            {
                return $"The AWSCURRENT value of secret {secret.Arn} is not a JSON object, so key '{key}' can't be rotated.";
            }

            json[key] = password;
            next = json.ToJsonString();
        }
        else
        {
            next = password;
        }

        SecretVersionWriter.Put(secret, pending.VersionId, SecretValue.FromText(next), [StagingLabels.Pending], now);
        return null;
    }

    private string? SetSecret(RotationFunctionBehavior behavior, Secret secret, SecretVersion pending)
    {
        var value = SecretValueReader.Read(secret, pending.VersionId, StagingLabels.Pending).Value!;
        if (value.Text is null)
        {
            return "The AWSPENDING version holds a binary value; this function rotates SecretString values.";
        }

        var current = secret.VersionWithStage(StagingLabels.Current)?.Value?.Text;
        downstream.Rotate(secret.Name, value.Text, behavior.KeepCurrentCredentialValid && current is not null ? [current] : []);
        return null;
    }

    private string? TestSecret(Secret secret, SecretVersion pending)
    {
        // A RotateImmediately=false dry run tests an empty placeholder: only the configuration is on trial.
        if (pending.Value is null && secret.ActiveRun is { IsDryRun: true })
        {
            return null;
        }

        var value = SecretValueReader.Read(secret, pending.VersionId, StagingLabels.Pending).Value!;
        return value.Text is not null && downstream.Accepts(secret.Name, value.Text)
            ? null
            : "The downstream service rejected the AWSPENDING credential.";
    }

    private static string? FinishSecret(Secret secret, SecretVersion pending, DateTimeOffset now)
    {
        StagingLabels.Attach(secret, StagingLabels.Current, pending);
        StagingLabels.Detach(pending, StagingLabels.Pending);
        secret.LastChangedDate = now;
        VersionRetention.Prune(secret, now);
        return null;
    }

    private static JsonNode? Parse(string? text)
    {
        try
        {
            return text is null ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
