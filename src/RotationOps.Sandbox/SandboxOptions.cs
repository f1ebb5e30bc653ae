using System;
using RotationOps.Sandbox.CloudWatch;
using RotationOps.Sandbox.DynamoDb;
using RotationOps.Sandbox.Lambda;
using RotationOps.Sandbox.Metrics;
using RotationOps.Sandbox.SecretsManager;

namespace RotationOps.Sandbox;

/// <summary>How a <see cref="SandboxServer"/> starts. Every default suits an in-process test.</summary>
public sealed class SandboxOptions
{
    /// <summary>Default access key id clients sign with.</summary>
    public const string DefaultAccessKeyId = "AKIDSANDBOXEXAMPLE01";

    /// <summary>Default secret access key clients sign with. It guards nothing real; it only proves the signing.</summary>
    public const string DefaultSecretAccessKey = "sandbox/SECRET+access+KEY/0123456789abcd";

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The one region the Sandbox serves; signatures scoped to another region are refused.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The account id in every ARN.</summary>
    public string AccountId { get; set; } = "123456789012";

    /// <summary>The only access key id the Sandbox recognises.</summary>
    public string AccessKeyId { get; set; } = DefaultAccessKeyId;

    /// <summary>The secret key signatures are verified with.</summary>
    public string SecretAccessKey { get; set; } = DefaultSecretAccessKey;

    /// <summary>The virtual clock's first instant; default is the real time at start, to the second.</summary>
    public DateTimeOffset? ClockStart { get; set; }

    /// <summary>Whether virtual time also flows with the wall clock (standalone use) instead of standing still.</summary>
    public bool ClockFollowsRealTime { get; set; }

    /// <summary>Secrets Manager's API rate quotas.</summary>
    public SecretsManagerQuotaOptions SecretsManagerQuotas { get; set; } = new();

    /// <summary>Lambda's update and activation timings and its control-plane quotas, all on the virtual clock.</summary>
    public LambdaOptions Lambda { get; set; } = new();

    /// <summary>CloudWatch's API rate quotas and metric delay.</summary>
    public CloudWatchOptions CloudWatch { get; set; } = new();

    /// <summary>DynamoDB's request-rate quotas and eventual-consistency lag, on the virtual clock.</summary>
    public DynamoDbOptions DynamoDb { get; set; } = new();

    /// <summary>
    /// Also receives every metric datum the simulated services publish (AWS/Lambda), e.g. a test's
    /// recorder; the CloudWatch twin receives them whether or not this is set.
    /// </summary>
    public IMetricSink? MetricSink { get; set; }

    /// <summary>Receives one line per AWS call (operation, status, error code); never a secret value.</summary>
    public Action<string>? RequestLog { get; set; }
}
