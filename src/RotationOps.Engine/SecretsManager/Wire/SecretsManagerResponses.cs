using System;
using System.Collections.Generic;
using System.Text.Json;
using RotationOps.Engine.Aws.Http;
using RotationOps.Engine.Aws.Wire;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.SecretsManager.Wire;

/// <summary>
/// Reads Secrets Manager answers with Utf8JsonReader. Unknown properties are skipped (AWS adds
/// fields over time); secret values are read without passing through a string. Malformed bodies
/// throw <see cref="JsonException"/>, which the client reports without the body.
/// </summary>
internal static class SecretsManagerResponses
{
    /// <summary>CreateSecret, PutSecretValue, UpdateSecret, RotateSecret, CancelRotateSecret.</summary>
    public static SecretVersionRef VersionRef(ReadOnlySpan<byte> body)
    {
        var result = new SecretVersionRef();
        var reader = new Utf8JsonReader(body);
        JsonWire.ReadStartObject(ref reader);
        while (JsonWire.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("ARN"u8)) result.Arn = JsonWire.String(ref reader) ?? "";
            else if (reader.ValueTextEquals("Name"u8)) result.Name = JsonWire.String(ref reader) ?? "";
            else if (reader.ValueTextEquals("VersionId"u8)) result.VersionId = JsonWire.String(ref reader);
            else if (reader.ValueTextEquals("VersionStages"u8)) result.VersionStages = JsonWire.StringList(ref reader);
            else JsonWire.Skip(ref reader);
        }
        return result;
    }

    public static SecretDescription Description(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        JsonWire.ReadStartObject(ref reader);
        return ReadDescription(ref reader);
    }

    /// <summary>ListSecrets' SecretList: each entry has DescribeSecret's fields (versions as SecretVersionsToStages).</summary>
    public static IReadOnlyList<SecretDescription> SecretList(ReadOnlySpan<byte> body)
    {
        var secrets = new List<SecretDescription>();
        var reader = new Utf8JsonReader(body);
        JsonWire.ReadStartObject(ref reader);
        while (JsonWire.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("SecretList"u8) && JsonWire.StartArray(ref reader))
                while (JsonWire.NextObject(ref reader)) secrets.Add(ReadDescription(ref reader));
            else JsonWire.Skip(ref reader);
        }
        return secrets;
    }

    public static IReadOnlyList<SecretVersionEntry> VersionList(ReadOnlySpan<byte> body)
    {
        var versions = new List<SecretVersionEntry>();
        var reader = new Utf8JsonReader(body);
        JsonWire.ReadStartObject(ref reader);
        while (JsonWire.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("Versions"u8) && JsonWire.StartArray(ref reader))
                while (JsonWire.NextObject(ref reader)) versions.Add(ReadVersionEntry(ref reader));
            else JsonWire.Skip(ref reader);
        }
        return versions;
    }

    private static SecretVersionEntry ReadVersionEntry(ref Utf8JsonReader reader)
    {
        var version = new SecretVersionEntry();
        while (JsonWire.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("VersionId"u8)) version.VersionId = JsonWire.String(ref reader) ?? "";
            else if (reader.ValueTextEquals("VersionStages"u8)) version.VersionStages = JsonWire.StringList(ref reader);
            else if (reader.ValueTextEquals("CreatedDate"u8)) version.CreatedDate = JsonWire.Timestamp(ref reader);
            else if (reader.ValueTextEquals("LastAccessedDate"u8)) version.LastAccessedDate = JsonWire.Timestamp(ref reader);
            else JsonWire.Skip(ref reader);
        }
        return version;
    }

    private static SecretDescription ReadDescription(ref Utf8JsonReader reader)
    {
        var result = new SecretDescription();
        while (JsonWire.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("ARN"u8)) result.Arn = JsonWire.String(ref reader) ?? "";
            else if (reader.ValueTextEquals("Name"u8)) result.Name = JsonWire.String(ref reader) ?? "";
            else if (reader.ValueTextEquals("Description"u8)) result.Description = JsonWire.String(ref reader);
            else if (reader.ValueTextEquals("KmsKeyId"u8)) result.KmsKeyId = JsonWire.String(ref reader);
            else if (reader.ValueTextEquals("RotationEnabled"u8)) result.RotationEnabled = JsonWire.Boolean(ref reader);
            else if (reader.ValueTextEquals("RotationLambdaARN"u8)) result.RotationLambdaArn = JsonWire.String(ref reader);
            else if (reader.ValueTextEquals("RotationRules"u8)) result.RotationRules = RotationRules(ref reader);
            else if (reader.ValueTextEquals("LastRotatedDate"u8)) result.LastRotatedDate = JsonWire.Timestamp(ref reader);
            else if (reader.ValueTextEquals("LastChangedDate"u8)) result.LastChangedDate = JsonWire.Timestamp(ref reader);
            else if (reader.ValueTextEquals("LastAccessedDate"u8)) result.LastAccessedDate = JsonWire.Timestamp(ref reader);
            else if (reader.ValueTextEquals("NextRotationDate"u8)) result.NextRotationDate = JsonWire.Timestamp(ref reader);
            else if (reader.ValueTextEquals("CreatedDate"u8)) result.CreatedDate = JsonWire.Timestamp(ref reader);
            else if (reader.ValueTextEquals("DeletedDate"u8)) result.DeletedDate = JsonWire.Timestamp(ref reader);
            else if (reader.ValueTextEquals("VersionIdsToStages"u8) || reader.ValueTextEquals("SecretVersionsToStages"u8))
                result.VersionIdsToStages = VersionIdsToStages(ref reader);
            else if (reader.ValueTextEquals("Tags"u8)) result.Tags = JsonWire.KeyValueList(ref reader);
            else JsonWire.Skip(ref reader);
        }
        return result;
    }

    public static SecretValue SecretValue(ReadOnlySpan<byte> body)
    {
        var result = new SecretValue();
        var reader = new Utf8JsonReader(body);
        try
        {
            JsonWire.ReadStartObject(ref reader);
            while (JsonWire.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("ARN"u8)) result.Arn = JsonWire.String(ref reader) ?? "";
                else if (reader.ValueTextEquals("Name"u8)) result.Name = JsonWire.String(ref reader) ?? "";
                else if (reader.ValueTextEquals("VersionId"u8)) result.VersionId = JsonWire.String(ref reader) ?? "";
                else if (reader.ValueTextEquals("VersionStages"u8)) result.VersionStages = JsonWire.StringList(ref reader);
                else if (reader.ValueTextEquals("CreatedDate"u8)) result.CreatedDate = JsonWire.Timestamp(ref reader);
                else if (reader.ValueTextEquals("SecretString"u8)) Replace(result, JsonWire.SensitiveString(ref reader));
                else if (reader.ValueTextEquals("SecretBinary"u8)) Replace(result, JsonWire.SensitiveBinary(ref reader));
                else JsonWire.Skip(ref reader);
            }
        }
        catch
        {
            result.Dispose();
            throw;
        }
        // A version without either field holds no value; an empty text keeps Value non-null.
        if (result.Value is null) result.Value = SensitiveValue.FromString("");
        return result;
    }

    public static SensitiveValue RandomPassword(ReadOnlySpan<byte> body)
    {
        SensitiveValue? password = null;
        var reader = new Utf8JsonReader(body);
        try
        {
            JsonWire.ReadStartObject(ref reader);
            while (JsonWire.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("RandomPassword"u8))
                {
                    password?.Dispose();
                    password = JsonWire.SensitiveString(ref reader);
                }
                else JsonWire.Skip(ref reader);
            }
        }
        catch
        {
            password?.Dispose();
            throw;
        }
        return password ?? throw new JsonException("RandomPassword is missing.");
    }

    private static RotationRules? RotationRules(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Expected an object.");
        var rules = new RotationRules();
        while (JsonWire.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("AutomaticallyAfterDays"u8)) rules.AutomaticallyAfterDays = JsonWire.Int32(ref reader);
            else if (reader.ValueTextEquals("Duration"u8)) rules.Duration = JsonWire.String(ref reader);
            else if (reader.ValueTextEquals("ScheduleExpression"u8)) rules.ScheduleExpression = JsonWire.String(ref reader);
            else JsonWire.Skip(ref reader);
        }
        return rules;
    }

    private static Dictionary<string, IReadOnlyList<string>> VersionIdsToStages(ref Utf8JsonReader reader)
    {
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return map;
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Expected an object.");
        while (JsonWire.NextProperty(ref reader))
        {
            string versionId = reader.GetString()!;
            map[versionId] = JsonWire.StringList(ref reader);
        }
        return map;
    }

    private static void Replace(SecretValue result, SensitiveValue value)
    {
        result.Value?.Dispose();
        result.Value = value;
    }
}
