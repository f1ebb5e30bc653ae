using System;
using System.Collections.Generic;
using System.Text.Json;
using RotationOps.Engine.Aws.Wire;
using static RotationOps.Engine.Aws.Wire.JsonRequestBody;

namespace RotationOps.Engine.SecretsManager.Wire;

/// <summary>
/// awsJson1_1 request bodies for the Secrets Manager operations, written with Utf8JsonWriter into
/// buffers that are zeroed after the call. Secret values go through <see cref="JsonSecretWriter"/>.
/// </summary>
internal static class SecretsManagerRequests
{
    public static SensitiveBufferWriter SecretIdOnly(string secretId) =>
        Write(json => json.WriteString("SecretId", secretId));

    public static SensitiveBufferWriter GetSecretValue(string secretId, string? versionId, string? versionStage) =>
        Write(json =>
        {
            json.WriteString("SecretId", secretId);
            WriteOptional(json, "VersionId", versionId);
            WriteOptional(json, "VersionStage", versionStage);
        });

    public static SensitiveBufferWriter PutSecretValue(PutSecretValueRequest request, string clientRequestToken) =>
        Write(json =>
        {
            json.WriteString("SecretId", request.SecretId);
            json.WriteString("ClientRequestToken", clientRequestToken);
            JsonSecretWriter.WriteSecretValue(json, request.Value);
            if (request.VersionStages != null) WriteStrings(json, "VersionStages", request.VersionStages);
            WriteOptional(json, "RotationToken", request.RotationToken);
        }, request.Value);

    public static SensitiveBufferWriter UpdateSecretVersionStage(UpdateSecretVersionStageRequest request) =>
        Write(json =>
        {
            json.WriteString("SecretId", request.SecretId);
            json.WriteString("VersionStage", request.VersionStage);
            WriteOptional(json, "MoveToVersionId", request.MoveToVersionId);
            WriteOptional(json, "RemoveFromVersionId", request.RemoveFromVersionId);
        });

    public static SensitiveBufferWriter RotateSecret(RotateSecretRequest request, string clientRequestToken) =>
        Write(json =>
        {
            json.WriteString("SecretId", request.SecretId);
            json.WriteString("ClientRequestToken", clientRequestToken);
            WriteOptional(json, "RotationLambdaARN", request.RotationLambdaArn);
            if (request.RotationRules != null)
            {
                json.WriteStartObject("RotationRules");
                if (request.RotationRules.AutomaticallyAfterDays.HasValue)
                    json.WriteNumber("AutomaticallyAfterDays", request.RotationRules.AutomaticallyAfterDays.Value);
                WriteOptional(json, "Duration", request.RotationRules.Duration);
                WriteOptional(json, "ScheduleExpression", request.RotationRules.ScheduleExpression);
                json.WriteEndObject();
            }
            if (request.RotateImmediately.HasValue) json.WriteBoolean("RotateImmediately", request.RotateImmediately.Value);
        });

    public static SensitiveBufferWriter GetRandomPassword(RandomPasswordRequest request) =>
        Write(json =>
        {
            if (request.PasswordLength.HasValue) json.WriteNumber("PasswordLength", request.PasswordLength.Value);
            WriteOptional(json, "ExcludeCharacters", request.ExcludeCharacters);
            WriteOptional(json, "ExcludeNumbers", request.ExcludeNumbers);
            WriteOptional(json, "ExcludePunctuation", request.ExcludePunctuation);
            WriteOptional(json, "ExcludeUppercase", request.ExcludeUppercase);
            WriteOptional(json, "ExcludeLowercase", request.ExcludeLowercase);
            WriteOptional(json, "IncludeSpace", request.IncludeSpace);
            WriteOptional(json, "RequireEachIncludedType", request.RequireEachIncludedType);
        });

    /// <summary>AWS's "name" filter matches the start of the name, case-sensitively.</summary>
    public static SensitiveBufferWriter ListSecrets(string? namePrefix, int maxResults) =>
        Write(json =>
        {
            json.WriteNumber("MaxResults", maxResults);
            if (string.IsNullOrEmpty(namePrefix)) return;
            json.WriteStartArray("Filters");
            json.WriteStartObject();
            json.WriteString("Key", "name");
            WriteStrings(json, "Values", new[] { namePrefix! });
            json.WriteEndObject();
            json.WriteEndArray();
        });

    public static SensitiveBufferWriter ListSecretVersionIds(string secretId, int maxResults) =>
        Write(json =>
        {
            json.WriteString("SecretId", secretId);
            json.WriteNumber("MaxResults", maxResults);
        });

    /// <summary>Sized for the secret value escaped at worst to twice its length.</summary>
    private static SensitiveBufferWriter Write(Action<Utf8JsonWriter> writeProperties, Security.SensitiveValue? value = null) =>
        JsonRequestBody.Write(writeProperties, (value?.Length ?? 0) * 2);

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
