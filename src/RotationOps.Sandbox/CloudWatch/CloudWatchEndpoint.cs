using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.CloudWatch.Alarms;
using RotationOps.Sandbox.CloudWatch.Metrics;
using RotationOps.Sandbox.CloudWatch.Operations;
using RotationOps.Sandbox.Errors;
using RotationOps.Sandbox.Hosting;
using RotationOps.Sandbox.Protocols;
using RotationOps.Sandbox.Protocols.AwsJson;
using RotationOps.Sandbox.Protocols.AwsQuery;

namespace RotationOps.Sandbox.CloudWatch;

/// <summary>
/// CloudWatch (signing name <c>monitoring</c>) over the two protocols AWS serves it with to SDKs
/// and CLIs that predate Smithy RPC v2 CBOR: awsQuery (<c>POST /</c>, form <c>Action=&lt;Op&gt;&amp;Version=2010-08-01</c>,
/// XML replies; what the AWS CLI v2 sends) and awsJson1_0 (<c>X-Amz-Target: GraniteServiceVersion20100801.&lt;Op&gt;</c>,
/// errors also naming the awsQuery code in <c>x-amzn-query-error</c>). Each call first replays the
/// alarm evaluations due by now, then runs under the metric store's lock.
/// </summary>
internal sealed class CloudWatchEndpoint(
    MetricStore metrics,
    AlarmEvaluator evaluator,
    CloudWatchQuotas quotas,
    TimeProvider clock,
    IEnumerable<ICloudWatchOperation> operations) : IServiceEndpoint
{
    public const string XmlNamespace = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    private const string JsonTargetPrefix = "GraniteServiceVersion20100801.";
    private const string JsonContentType = "application/x-amz-json-1.0";
    private const string ApiVersion = "2010-08-01";
    private static readonly object ParsedFormKey = new();
    private readonly Dictionary<string, ICloudWatchOperation> byName = operations.ToDictionary(o => o.Name, StringComparer.Ordinal);

    public string ServiceName => "monitoring";

    public bool Accepts(AwsRequest request) =>
        IsJson(request.Headers) || (Form(request)?.String("Version") == ApiVersion);

    public string OperationOf(AwsRequest request) =>
        IsJson(request.Headers) ? request.Headers["X-Amz-Target"].ToString()[JsonTargetPrefix.Length..] : Form(request)?.String("Action") ?? string.Empty;

    public AwsErrorException Throttled() => CloudWatchErrors.Throttling();

    public AwsErrorException InternalFailure() => CloudWatchErrors.InternalFailure();

    public void EnforceQuota(string operation) => quotas.Enforce(operation);

    public async Task InvokeAsync(string operation, AwsRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method) || !byName.TryGetValue(operation, out var handler))
        {
            throw CloudWatchErrors.InvalidAction(operation);
        }

        var json = IsJson(request.Headers);
        IShapeReader input = json ? AwsJsonShapeReader.Parse(request.Body) : Form(request)!;
        var requestId = AwsQueryOutput.RequestIdOf(response);
        ReadOnlyMemory<byte> body;
        lock (metrics.Gate)
        {
            var now = clock.GetUtcNow();
            evaluator.CatchUp(now);
            body = json
                ? AwsJsonOutput.Render(writer => handler.Execute(input, new AwsJsonShapeWriter(writer), now))
                : AwsQueryOutput.Render(XmlNamespace, operation, requestId, handler.HasResult, writer => handler.Execute(input, writer, now));
        }

        if (json)
        {
            await AwsJsonOutput.WriteAsync(response, StatusCodes.Status200OK, body, JsonContentType);
        }
        else
        {
            await AwsQueryOutput.WriteAsync(response, StatusCodes.Status200OK, body);
        }
    }

    public Task WriteErrorAsync(HttpResponse response, AwsErrorException error)
    {
        if (IsJson(response.HttpContext.Request.Headers))
        {
            if (error.Origin == ErrorOrigin.Service)
            {
                response.Headers["x-amzn-query-error"] = $"{error.Code};{AwsQueryOutput.FaultOf(error.StatusCode)}";
            }

            var body = AwsJsonOutput.Render(writer =>
            {
                writer.WriteString("__type", error.Origin == ErrorOrigin.Service ? CloudWatchErrors.JsonTypeOf(error.Code) : error.Code);
                writer.WriteString("message", error.Message);
            });
            return AwsJsonOutput.WriteAsync(response, error.StatusCode, body, JsonContentType);
        }

        var (code, status) = error.Origin == ErrorOrigin.Authentication ? AwsQueryOutput.AuthenticationError(error) : (error.Code, error.StatusCode);
        return AwsQueryOutput.WriteErrorAsync(response, XmlNamespace, code, error.Message, status);
    }

    private static bool IsJson(IHeaderDictionary headers) =>
        headers["X-Amz-Target"].ToString().StartsWith(JsonTargetPrefix, StringComparison.Ordinal);

    /// <summary>The awsQuery form, parsed once per request (routing, the operation name and the call all read it); null when the body is not a form.</summary>
    private static AwsQueryInput? Form(AwsRequest request)
    {
        var items = request.Http.HttpContext.Items;
        if (items.TryGetValue(ParsedFormKey, out var cached))
        {
            return (AwsQueryInput?)cached;
        }

        var form = HttpMethods.IsPost(request.Method)
            && request.Headers.ContentType.ToString().StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
                ? AwsQueryInput.Parse(request.Body)
                : null;
        items[ParsedFormKey] = form;
        return form;
    }
}
