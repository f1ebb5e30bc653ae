using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.CloudWatch;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Hosting;

namespace RotationOps.Engine.Outcomes;

/// <summary>
/// -MetricNamespace: what a command achieved, as CloudWatch metrics an operator can alarm on —
/// Secrets Manager publishes no metric for a failed rotation, and a rolled-back canary is otherwise
/// only a line in a log. Rotations publish RotationSucceeded or RotationFailed (1, Count) and
/// RotationDuration (Seconds) with dimension SecretName; canaries publish CanaryPromoted or
/// CanaryRolledBack (1, Count) with dimensions FunctionName and Alias. Publishing is reporting, not
/// part of the operation: a publish that fails is a warning, and the result stands as it is.
/// </summary>
public sealed class OutcomeMetrics
{
    private const int MaxNamespaceLength = 255;

    // AWS's rule for a namespace: these characters only, and not all of them spaces.
    private static readonly Regex NamespaceCharacters = new Regex(@"^[0-9A-Za-z.\-_/#: ]+$", RegexOptions.CultureInvariant);

    private readonly ICloudWatchClient _client;
    private readonly string _namespace;
    private readonly IRunbookHost _host;

    public OutcomeMetrics(ICloudWatchClient client, string metricNamespace, IRunbookHost host)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _namespace = metricNamespace ?? throw new ArgumentNullException(nameof(metricNamespace));
        _host = host ?? throw new ArgumentNullException(nameof(host));
    }

    /// <summary>Refuses a namespace CloudWatch would refuse, before any AWS call, naming -MetricNamespace.</summary>
    /// <exception cref="RunbookException">InvalidParameter.</exception>
    public static void ValidateNamespace(string? metricNamespace)
    {
        string? problem =
            string.IsNullOrWhiteSpace(metricNamespace) ? "the namespace is empty; give one such as RotationOps/Prod." :
            metricNamespace!.Length > MaxNamespaceLength ? $"{metricNamespace.Length} characters is too long: CloudWatch takes at most {MaxNamespaceLength}." :
            metricNamespace.StartsWith("AWS/", StringComparison.Ordinal) ? $"'{metricNamespace}' starts with AWS/, which CloudWatch keeps for AWS's own metrics; use your own prefix, e.g. RotationOps/." :
            !NamespaceCharacters.IsMatch(metricNamespace) ? $"'{metricNamespace}' has characters CloudWatch refuses: use letters, digits, spaces and . - _ / # : only." :
            null;
        if (problem != null) throw RunbookException.InvalidParameter("MetricNamespace", problem);
    }

    /// <summary>Completed or Failed rotations publish; Pending (half done) and NotRun (-WhatIf, declined) publish nothing.</summary>
    public Task RotationAsync(SecretRotation rotation)
    {
        if (rotation is null) throw new ArgumentNullException(nameof(rotation));
        if (rotation.Status != RotationStatus.Completed && rotation.Status != RotationStatus.Failed) return Task.CompletedTask;
        var at = rotation.FinishedAt ?? _host.Time.GetUtcNow();
        return RotationAsync(rotation.Name, rotation.Status == RotationStatus.Completed, (at - rotation.StartedAt).TotalSeconds, at);
    }

    /// <summary>A rotation that ended in an error instead of a result (refused, or AWS failing it): RotationFailed.</summary>
    public Task RotationFailedAsync(string secretId, DateTimeOffset startedAt)
    {
        var at = _host.Time.GetUtcNow();
        return RotationAsync(SecretNameOf(secretId), succeeded: false, (at - startedAt).TotalSeconds, at);
    }

    /// <summary>Promoted publishes CanaryPromoted, RolledBack CanaryRolledBack; every other state publishes nothing.</summary>
    public Task CanaryAsync(LambdaDeployment deployment)
    {
        if (deployment is null) throw new ArgumentNullException(nameof(deployment));
        string? metric = deployment.Status switch
        {
            DeploymentStatus.Promoted => "CanaryPromoted",
            DeploymentStatus.RolledBack => "CanaryRolledBack",
            _ => null,
        };
        return metric == null ? Task.CompletedTask : CanaryAsync(metric, deployment.FunctionName, deployment.AliasName);
    }

    /// <summary>An alias that Undo-Deployment put back is a rolled-back canary; a secret put back publishes nothing.</summary>
    public Task RollbackAsync(RollbackResult result)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        if (result.Kind != RollbackKind.Alias || result.Status != RollbackStatus.Completed) return Task.CompletedTask;
        // Target is function:alias; an alias name never holds ':'.
        int split = result.Target.LastIndexOf(':');
        return CanaryAsync("CanaryRolledBack", result.Target.Substring(0, split), result.Target.Substring(split + 1));
    }

    private Task RotationAsync(string secretName, bool succeeded, double durationSeconds, DateTimeOffset at)
    {
        var dimensions = new Dictionary<string, string> { ["SecretName"] = secretName };
        return PublishAsync(secretName, new[]
        {
            new MetricDatum { MetricName = succeeded ? "RotationSucceeded" : "RotationFailed", Dimensions = dimensions, Value = 1, Unit = "Count", Timestamp = at },
            new MetricDatum { MetricName = "RotationDuration", Dimensions = dimensions, Value = Math.Max(0, durationSeconds), Unit = "Seconds", Timestamp = at },
        });
    }

    private Task CanaryAsync(string metric, string functionName, string aliasName) => PublishAsync($"{functionName}:{aliasName}", new[]
    {
        new MetricDatum
        {
            MetricName = metric,
            Dimensions = new Dictionary<string, string> { ["FunctionName"] = functionName, ["Alias"] = aliasName },
            Value = 1,
            Unit = "Count",
            Timestamp = _host.Time.GetUtcNow(),
        },
    });

    private async Task PublishAsync(string target, IReadOnlyList<MetricDatum> data)
    {
        string names = string.Join(", ", data.Select(d => d.MetricName));
        try
        {
            await _client.PutMetricDataAsync(_namespace, data, _host.Cancellation).ConfigureAwait(false);
            _host.WriteVerbose($"{target}: published {names} to CloudWatch namespace {_namespace}.");
        }
        catch (AwsServiceException ex)
        {
            _host.WriteWarning($"{target}: publishing {names} to CloudWatch namespace {_namespace} failed ({ex.ErrorCode}: {ex.ServiceMessage}); " +
                               "the result above is unaffected, but an alarm on these metrics did not see it.");
        }
    }

    /// <summary>
    /// The secret's name, so the dimension is the same whether the command was given the name or the
    /// ARN: an ARN ends in ":secret:" + name + "-" + six random characters Secrets Manager adds.
    /// </summary>
    private static string SecretNameOf(string secretId)
    {
        const string marker = ":secret:";
        int at = secretId.IndexOf(marker, StringComparison.Ordinal);
        if (!secretId.StartsWith("arn:", StringComparison.Ordinal) || at < 0) return secretId;
        string tail = secretId.Substring(at + marker.Length);
        int dash = tail.LastIndexOf('-');
        return dash > 0 && tail.Length - dash - 1 == 6 ? tail.Substring(0, dash) : tail;
    }
}
