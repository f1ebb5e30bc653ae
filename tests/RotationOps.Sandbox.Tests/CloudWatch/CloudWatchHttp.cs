using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml.Linq;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.CloudWatch;

/// <summary>
/// A bare CloudWatch client for the C# tests: signed awsQuery form POSTs (XML replies) and awsJson1_0
/// calls, raw replies. Form parameters are written exactly as given, percent-encoded.
/// </summary>
internal sealed class CloudWatchHttp(SandboxServer server)
{
    public static readonly XNamespace Xmlns = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    private static readonly HttpClient Http = new();

    public Task<HttpResponseMessage> SendFormAsync(string form) =>
        SendAsync(Encoding.UTF8.GetBytes(form), "application/x-www-form-urlencoded; charset=utf-8", target: null);

    public Task<HttpResponseMessage> SendQueryAsync(string action, params (string Name, string Value)[] parameters) =>
        SendFormAsync(Form(action, parameters));

    public Task<HttpResponseMessage> SendJsonAsync(string operation, object input) =>
        SendAsync(JsonSerializer.SerializeToUtf8Bytes(input), "application/x-amz-json-1.0", $"GraniteServiceVersion20100801.{operation}");

    /// <summary>Calls an awsQuery action that must succeed; returns the <c>{Action}Result</c> element (the response root when there is none).</summary>
    public async Task<XElement> QueryAsync(string action, params (string Name, string Value)[] parameters)
    {
        using var response = await SendQueryAsync(action, parameters);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action} answered {(int)response.StatusCode}: {text}");
        var root = XDocument.Parse(text).Root!;
        return root.Element(Xmlns + $"{action}Result") ?? root;
    }

    /// <summary>Calls an awsQuery action that must fail; returns the status and the ErrorResponse's Error element.</summary>
    public async Task<(HttpStatusCode Status, XElement Error)> QueryFailAsync(string action, params (string Name, string Value)[] parameters)
    {
        using var response = await SendQueryAsync(action, parameters);
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(response.IsSuccessStatusCode, $"{action} should have failed but answered {(int)response.StatusCode}: {text}");
        return (response.StatusCode, XDocument.Parse(text).Root!.Element(Xmlns + "Error")!);
    }

    public Task<XElement> PutAlarmAsync(string name, double threshold, int evaluationPeriods = 1, int? datapointsToAlarm = null,
        string? treatMissingData = null, string comparison = "GreaterThanThreshold", string metricName = "Errors", int period = 60,
        string statistic = "Sum", string functionName = "orders-api")
    {
        var parameters = new[]
        {
            ("AlarmName", name), ("Namespace", "AWS/Lambda"), ("MetricName", metricName),
            ("Dimensions.member.1.Name", "FunctionName"), ("Dimensions.member.1.Value", functionName),
            ("Statistic", statistic), ("Period", period.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("EvaluationPeriods", evaluationPeriods.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Threshold", threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("ComparisonOperator", comparison),
        }.ToList();
        if (datapointsToAlarm is { } m)
        {
            parameters.Add(("DatapointsToAlarm", m.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (treatMissingData is not null)
        {
            parameters.Add(("TreatMissingData", treatMissingData));
        }

        return QueryAsync("PutMetricAlarm", parameters.ToArray());
    }

    public static string Form(string action, params (string Name, string Value)[] parameters) =>
        string.Join('&', new[] { ("Action", action), ("Version", "2010-08-01") }.Concat(parameters)
            .Select(p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}"));

    private async Task<HttpResponseMessage> SendAsync(byte[] body, string contentType, string? target)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (target is not null)
        {
            request.Headers.Add("X-Amz-Target", target);
            request.Headers.Add("x-amzn-query-mode", "true");
        }

        SigV4Signer.Sign(request, body, server.AccessKeyId, server.SecretAccessKey, server.Region, "monitoring", DateTimeOffset.UtcNow);
        return await Http.SendAsync(request);
    }
}
