using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Aws.Http;
using RotationOps.Engine.Aws.Wire;

namespace RotationOps.Scenarios.Tests.Infrastructure;

/// <summary>
/// The setup and inspection calls a scenario needs that the product never makes (CreateSecret,
/// ListSecretVersionIds, CreateFunction, CreateAlias, PutMetricAlarm, PutCompositeAlarm), sent over the same signed
/// wire as the product's clients, so scenarios set up and inspect their world the same way
/// against the Sandbox or any AWS-compatible endpoint.
/// </summary>
public sealed class AwsSetup
{
    public const string DefaultRole = "arn:aws:iam::123456789012:role/lambda-exec";

    private readonly AwsHttpInvoker _secretsManager;
    private readonly AwsHttpInvoker _lambda;
    private readonly AwsHttpInvoker _cloudWatch;
    private readonly AwsHttpInvoker _dynamoDb;
    private readonly AwsJsonProtocol _dynamoDbProtocol = new AwsJsonProtocol("DynamoDB_20120810", "1.0");
    private readonly AwsJsonProtocol _json = new AwsJsonProtocol("secretsmanager", "1.1");
    private readonly AwsQueryProtocol _query = new AwsQueryProtocol("2010-08-01");

    public AwsSetup(AwsConnectionOptions options, TimeProvider time)
    {
        _secretsManager = AwsHttpInvoker.Connect(AwsService.SecretsManager, _json.ErrorParser, options, time, null, AwsHttpTransport.Shared, null);
        _lambda = AwsHttpInvoker.Connect(AwsService.Lambda, AwsRestJsonProtocol.ErrorParser, options, time, null, AwsHttpTransport.Shared, null);
        _cloudWatch = AwsHttpInvoker.Connect(AwsService.CloudWatch, _query.ErrorParser, options, time, null, AwsHttpTransport.Shared, null);
        _dynamoDb = AwsHttpInvoker.Connect(AwsService.DynamoDb, _dynamoDbProtocol.ErrorParser, options, time, null, AwsHttpTransport.Shared, null);
    }

    /// <summary>CreateTable with string keys, as the README's create-table command makes the journal table.</summary>
    public async Task CreateTableAsync(string table, string hashKey = "pk", string? rangeKey = "sk")
    {
        var body = JsonRequestBody.Write(json =>
        {
            json.WriteString("TableName", table);
            json.WriteStartArray("AttributeDefinitions");
            foreach (var key in new[] { hashKey, rangeKey })
            {
                if (key == null) continue;
                json.WriteStartObject();
                json.WriteString("AttributeName", key);
                json.WriteString("AttributeType", "S");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("KeySchema");
            json.WriteStartObject();
            json.WriteString("AttributeName", hashKey);
            json.WriteString("KeyType", "HASH");
            json.WriteEndObject();
            if (rangeKey != null)
            {
                json.WriteStartObject();
                json.WriteString("AttributeName", rangeKey);
                json.WriteString("KeyType", "RANGE");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString("BillingMode", "PAY_PER_REQUEST");
        });
        using var request = _dynamoDbProtocol.CreateRequest("CreateTable", table, body);
        using var response = await _dynamoDb.SendAsync(request, CancellationToken.None);
    }

    /// <summary>CreateSecret with a SecretString (AWSCURRENT); returns the secret's ARN.</summary>
    public async Task<string> CreateSecretAsync(string name, string value)
    {
        // A token fixed before the first attempt keeps a retried create from failing as a duplicate.
        string token = Guid.NewGuid().ToString("D");
        var body = JsonRequestBody.Write(json =>
        {
            json.WriteString("Name", name);
            json.WriteString("ClientRequestToken", token);
            json.WriteString("SecretString", value);
        });
        using var request = _json.CreateRequest("CreateSecret", name, body);
        using var response = await _secretsManager.SendAsync(request, CancellationToken.None);
        using var created = JsonDocument.Parse(response.Body.ToArray());
        return created.RootElement.GetProperty("ARN").GetString()!;
    }

    /// <summary>ListSecretVersionIds with deprecated versions (no label left) too, every page.</summary>
    public async Task<IReadOnlyList<SecretVersionEntry>> ListSecretVersionIdsAsync(string secretId)
    {
        var versions = new List<SecretVersionEntry>();
        string? nextToken = null;
        do
        {
            string? page = nextToken;
            var body = JsonRequestBody.Write(json =>
            {
                json.WriteString("SecretId", secretId);
                json.WriteBoolean("IncludeDeprecated", true);
                if (page != null) json.WriteString("NextToken", page);
            });
            using var request = _json.CreateRequest("ListSecretVersionIds", secretId, body);
            using var response = await _secretsManager.SendAsync(request, CancellationToken.None);
            using var listing = JsonDocument.Parse(response.Body.ToArray());
            foreach (var version in listing.RootElement.GetProperty("Versions").EnumerateArray())
                versions.Add(new SecretVersionEntry(version.GetProperty("VersionId").GetString()!,
                    version.TryGetProperty("VersionStages", out var stages) ? stages.EnumerateArray().Select(s => s.GetString()!).ToArray() : Array.Empty<string>()));
            nextToken = listing.RootElement.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
        }
        while (!string.IsNullOrEmpty(nextToken));
        return versions;
    }

    /// <summary>CreateFunction with a tiny zip; the Sandbox gives it no behaviour until told.</summary>
    public async Task CreateFunctionAsync(string name, string runtime, IReadOnlyDictionary<string, string>? environment = null, string role = DefaultRole)
    {
        var body = JsonRequestBody.Write(json =>
        {
            json.WriteString("FunctionName", name);
            json.WriteString("Runtime", runtime);
            json.WriteString("Role", role);
            json.WriteString("Handler", "app.handler");
            json.WriteStartObject("Code");
            json.WriteBase64String("ZipFile", HandlerZip(name));
            json.WriteEndObject();
            if (environment != null)
            {
                json.WriteStartObject("Environment");
                json.WriteStartObject("Variables");
                foreach (var variable in environment) json.WriteString(variable.Key, variable.Value);
                json.WriteEndObject();
                json.WriteEndObject();
            }
        });
        using var request = AwsRestJsonProtocol.CreateRequest("CreateFunction", name, HttpMethod.Post, "/2015-03-31/functions", null, body);
        using var response = await _lambda.SendAsync(request, CancellationToken.None);
    }

    /// <summary>CreateAlias on one version, without routing.</summary>
    public async Task CreateAliasAsync(string functionName, string aliasName, string version)
    {
        var body = JsonRequestBody.Write(json =>
        {
            json.WriteString("Name", aliasName);
            json.WriteString("FunctionVersion", version);
        });
        using var request = AwsRestJsonProtocol.CreateRequest("CreateAlias", $"{functionName}:{aliasName}", HttpMethod.Post,
            $"/2015-03-31/functions/{UrlEncodedText.Escape(functionName)}/aliases", null, body);
        using var response = await _lambda.SendAsync(request, CancellationToken.None);
    }

    /// <summary>DeleteFunction: the whole function, with its versions and aliases.</summary>
    public async Task DeleteFunctionAsync(string functionName)
    {
        using var request = AwsRestJsonProtocol.CreateRequest("DeleteFunction", functionName, HttpMethod.Delete,
            $"/2015-03-31/functions/{UrlEncodedText.Escape(functionName)}", null, null);
        using var response = await _lambda.SendAsync(request, CancellationToken.None);
    }

    /// <summary>RemovePermission: takes one statement out of a function's resource policy.</summary>
    public async Task RemovePermissionAsync(string functionName, string statementId)
    {
        using var request = AwsRestJsonProtocol.CreateRequest("RemovePermission", functionName, HttpMethod.Delete,
            $"/2015-03-31/functions/{UrlEncodedText.Escape(functionName)}/policy/{UrlEncodedText.Escape(statementId)}", null, null);
        using var response = await _lambda.SendAsync(request, CancellationToken.None);
    }

    /// <summary>A real zip holding one handler file, so the code hash differs per function.</summary>
    public static byte[] HandlerZip(string functionName)
    {
        using var buffer = new System.IO.MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new System.IO.StreamWriter(zip.CreateEntry("app.py").Open()))
            writer.Write($"def handler(event, context):\n    return '{functionName}'\n");
        return buffer.ToArray();
    }

    /// <summary>An alarm on the canary's Errors (ExecutedVersion series), as an operator would define it.</summary>
    public async Task PutErrorAlarmAsync(string alarmName, string functionName, string aliasName, string version, double threshold)
    {
        var form = _query.StartForm("PutMetricAlarm")
            .Add("AlarmName", alarmName)
            .Add("Namespace", "AWS/Lambda")
            .Add("MetricName", "Errors")
            .Add("Dimensions.member.1.Name", "FunctionName").Add("Dimensions.member.1.Value", functionName)
            .Add("Dimensions.member.2.Name", "Resource").Add("Dimensions.member.2.Value", $"{functionName}:{aliasName}")
            .Add("Dimensions.member.3.Name", "ExecutedVersion").Add("Dimensions.member.3.Value", version)
            .Add("Statistic", "Sum")
            .Add("Period", "60")
            // "1 out of the last 3 minutes": Lambda metrics can land a minute late, and a late
            // minute must not flip the alarm back to OK while errors continue.
            .Add("EvaluationPeriods", "3")
            .Add("DatapointsToAlarm", "1")
            .Add("Threshold", threshold.ToString(CultureInfo.InvariantCulture))
            .Add("ComparisonOperator", "GreaterThanThreshold")
            .Add("TreatMissingData", "notBreaching");
        using var request = _query.CreateRequest("PutMetricAlarm", alarmName, form);
        using var response = await _cloudWatch.SendAsync(request, CancellationToken.None);
    }

    /// <summary>A composite alarm over other alarms, e.g. ALARM(orders-api-errors) OR ALARM(orders-api-throttles).</summary>
    public async Task PutCompositeAlarmAsync(string alarmName, string alarmRule)
    {
        var form = _query.StartForm("PutCompositeAlarm").Add("AlarmName", alarmName).Add("AlarmRule", alarmRule);
        using var request = _query.CreateRequest("PutCompositeAlarm", alarmName, form);
        using var response = await _cloudWatch.SendAsync(request, CancellationToken.None);
    }
}
