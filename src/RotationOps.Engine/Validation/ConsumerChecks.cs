using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.CloudWatch;
using RotationOps.Engine.Lambda;
using RotationOps.Engine.Text;

namespace RotationOps.Engine.Validation;

/// <summary>Does a function that uses the secret still work after the rotation?</summary>
internal static class ConsumerChecks
{
    public static async Task<(CheckResult, string)> InvokeAsync(ILambdaClient lambda, SecretValidationRequest request, CancellationToken cancellationToken)
    {
        var result = await lambda.InvokeAsync(new InvokeRequest
        {
            FunctionName = request.ConsumerFunctionName!,
            Qualifier = request.ConsumerQualifier,
            Payload = request.ConsumerPayload ?? Encoding.UTF8.GetBytes("{}"),
        }, cancellationToken).ConfigureAwait(false);
        string name = request.ConsumerFunctionName + (request.ConsumerQualifier != null ? ":" + request.ConsumerQualifier : "");
        if (result.FunctionError == null)
            return (CheckResult.Passed, $"{name} answered without error (executed version {result.ExecutedVersion ?? "?"}).");
        string body = Encoding.UTF8.GetString(result.Payload);
        return (CheckResult.Failed, $"{name} failed ({result.FunctionError}): {(body.Length > 300 ? body.Substring(0, 300) + "..." : body)}");
    }

    /// <summary>AWS/Lambda Errors over Invocations of the consumer since <paramref name="since"/>.</summary>
    public static async Task<(CheckResult, string)> ErrorRateAsync(ICloudWatchClient cloudWatch, SecretValidationRequest request,
        DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var dimensions = new Dictionary<string, string> { ["FunctionName"] = request.ConsumerFunctionName! };
        if (request.ConsumerQualifier != null) dimensions["Resource"] = $"{request.ConsumerFunctionName}:{request.ConsumerQualifier}";
        var queries = new[]
        {
            new MetricDataQuery { Id = "inv", Namespace = "AWS/Lambda", MetricName = "Invocations", Dimensions = dimensions, PeriodSeconds = 60, Stat = "Sum" },
            new MetricDataQuery { Id = "err", Namespace = "AWS/Lambda", MetricName = "Errors", Dimensions = dimensions, PeriodSeconds = 60, Stat = "Sum" },
        };
        var results = await cloudWatch.GetMetricDataAsync(queries, since, now, cancellationToken).ConfigureAwait(false);
        // Points CloudWatch could not deliver are unknown, not zero errors.
        if (MetricDataGaps.Describe(results, new[] { ("inv", "Invocations"), ("err", "Errors") }) is string gaps)
            return (CheckResult.Skipped, $"no verdict on {request.ConsumerFunctionName}'s error rate, metrics unavailable: {gaps}.");
        double invocations = results.Where(r => r.Id == "inv").SelectMany(r => r.Values).Sum();
        double errors = results.Where(r => r.Id == "err").SelectMany(r => r.Values).Sum();
        if (invocations == 0) return (CheckResult.Skipped, $"no invocations of {request.ConsumerFunctionName} since {since:u}.");
        double rate = errors / invocations;
        string evidence = $"{Percent.Of(rate, 2)} ({errors:0}/{invocations:0}) since {since:u}";
        return rate > request.MaxConsumerErrorRate
            ? (CheckResult.Failed, $"{request.ConsumerFunctionName} error rate {evidence}, over {Percent.Of(request.MaxConsumerErrorRate, 2)}.")
            : (CheckResult.Passed, $"{request.ConsumerFunctionName} error rate {evidence}.");
    }
}
