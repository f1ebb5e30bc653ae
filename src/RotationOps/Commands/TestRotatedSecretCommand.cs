using System;
using System.Collections.Generic;
using System.Management.Automation;
using RotationOps.Commands.Hosting;
using RotationOps.Engine.Aws;
using RotationOps.Engine.CloudWatch;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Lambda;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Validation;

namespace RotationOps.Commands;

/// <summary>
/// <para type="synopsis">Checks that a secret's rotation worked, and that its rotation keeps working.</para>
/// <para type="description">Reads the secret (never changes it) and reports every check with its evidence: AWSCURRENT readable (and on the rotated version when a rotation is piped in), no AWSPENDING left behind, AWSPREVIOUS kept, the value actually changed (SHA-256 compared), required JSON keys present, rotation enabled with a function configured, and not overdue. A failed check writes a non-terminating error and the result still goes down the pipeline; -Quiet returns only $true or $false.</para>
/// </summary>
/// <example>
/// <code>
/// Test-RotatedSecret -SecretId prod/orders/db -RequiredKey username, password -MaxAge 30.00:00:00 |
///     Select-Object -ExpandProperty Checks
/// </code>
/// <para>Audits a secret without changing it: one row per check with its evidence (readable AWSCURRENT, no AWSPENDING left, AWSPREVIOUS kept, value changed, JSON keys, rotation enabled and not overdue).</para>
/// </example>
/// <example>
/// <code>
/// Invoke-SecretRotation -SecretId prod/orders/db | Test-RotatedSecret -RequiredKey username, password -ErrorAction Stop
/// </code>
/// <para>Rotates, then proves the rotated version is the live one; -ErrorAction Stop turns a failed check into a terminating error for a script.</para>
/// </example>
/// <example>
/// <code>
/// if (-not (Test-RotatedSecret -SecretId prod/orders/db -Quiet)) { exit 1 }
/// </code>
/// <para>A scheduled check that only needs a yes or no: -Quiet returns $true or $false.</para>
/// </example>
/// <example>
/// <code>
/// Test-RotatedSecret -SecretId prod/orders/db -FunctionName orders-api -Qualifier LIVE -Payload '{"ping":true}' -MaxConsumerErrorRate 0.01
/// </code>
/// <para>Also checks a consumer: one invocation of orders-api:LIVE succeeds, and its error rate since the rotation is at most 1 %.</para>
/// </example>
[Cmdlet(VerbsDiagnostic.Test, "RotatedSecret", HelpUri = HelpLinks.TestRotatedSecret)]
[OutputType(typeof(SecretValidation))]
[OutputType(typeof(bool))]
public sealed class TestRotatedSecretCommand : AwsCmdlet
{

    /// <summary><para type="description">The secret's name or ARN. Accepts pipeline input: strings, or the objects Invoke-SecretRotation writes.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "ARN", "SecretArn", "Name")]
    [ValidateNotNullOrEmpty]
    [ValidateAwsIdentifier(AwsIdentifierKind.SecretId)]
    [ArgumentCompleter(typeof(Completion.SecretIdCompleter))]
    public string SecretId { get; set; } = "";

    /// <summary><para type="description">The version a rotation produced: AWSCURRENT must be on it. Bound from a piped rotation.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateAwsIdentifier(AwsIdentifierKind.SecretVersionId)]
    [ArgumentCompleter(typeof(Completion.SecretVersionIdCompleter))]
    public string? VersionId { get; set; }

    /// <summary><para type="description">The version that was current before the rotation: AWSPREVIOUS should be on it. Bound from a piped rotation.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateAwsIdentifier(AwsIdentifierKind.SecretVersionId)]
    [ArgumentCompleter(typeof(Completion.SecretVersionIdCompleter))]
    public string? PreviousVersionId { get; set; }

    /// <summary><para type="description">Bound from a piped rotation: Pending means its VersionId is staged AWSPENDING, and that version is what gets checked (keys, changed value, test script) against AWSCURRENT.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    public RotationStatus? Status { get; set; }

    /// <summary><para type="description">Carried to the output so the next cmdlet (or Undo-Deployment) can refer to the rotation.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? DeploymentId { get; set; }

    /// <summary><para type="description">JSON keys that AWSCURRENT must have, non-empty (e.g. username,password).</para></summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? RequiredKey { get; set; }

    /// <summary><para type="description">The oldest AWSCURRENT may be. Default: the rotation schedule plus a day.</para></summary>
    [Parameter]
    public TimeSpan? MaxAge { get; set; }

    /// <summary><para type="description">Checks to leave out, e.g. RotationEnabled for secrets rotated only by hand.</para></summary>
    [Parameter]
    [ValidateSet(SecretCheckNames.CurrentReadable, SecretCheckNames.NoPendingLeft, SecretCheckNames.StagedReady, SecretCheckNames.PreviousKept,
        SecretCheckNames.ValueChanged, SecretCheckNames.RequiredKeys, SecretCheckNames.RotationEnabled,
        SecretCheckNames.RotationFunctionConfigured, SecretCheckNames.NotOverdue, SecretCheckNames.TestScript,
        SecretCheckNames.RotationFunctionReady, SecretCheckNames.ConsumerInvocation, SecretCheckNames.ConsumerErrorRate)]
    public string[]? ExcludeCheck { get; set; }

    /// <summary><para type="description">A script block that tries AWSCURRENT (e.g. logs in to the database). It gets an object with SecretId, VersionId, Value (SecureString) and Credential; it fails the check by throwing or returning $false.</para></summary>
    [Parameter]
    public ScriptBlock? TestScript { get; set; }

    /// <summary><para type="description">A function that uses the secret: it is invoked once (ConsumerInvocation) and its error rate since the rotation is read from CloudWatch (ConsumerErrorRate).</para></summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateAwsIdentifier(AwsIdentifierKind.FunctionName)]
    [ArgumentCompleter(typeof(Completion.FunctionNameCompleter))]
    public string? FunctionName { get; set; }

    /// <summary><para type="description">The consumer's version or alias to invoke and measure, e.g. LIVE.</para></summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateAwsIdentifier(AwsIdentifierKind.Qualifier)]
    public string? Qualifier { get; set; }

    /// <summary><para type="description">JSON text sent to the consumer. Default {}.</para></summary>
    [Parameter]
    public string? Payload { get; set; }

    /// <summary><para type="description">Highest acceptable consumer error rate since the rotation (default 0.01 = 1%).</para></summary>
    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double MaxConsumerErrorRate { get; set; } = 0.01;

    /// <summary><para type="description">Return only $true (every check passed) or $false.</para></summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override void Begin()
    {
        RefuseBadCombinations(TestRotatedSecretRules.All);
        Connect(Clients);
    }

    private static (ISecretsManagerClient Secrets, ILambdaClient Lambda, ICloudWatchClient CloudWatch) Clients(AwsConnectionOptions options, Action<string> verbose) =>
        (SecretsManagerClient.Create(options, TimeProvider.System, verbose), LambdaClient.Create(options, TimeProvider.System, verbose),
            CloudWatchClient.Create(options, TimeProvider.System, verbose));

    protected override void ProcessRecord()
    {
        if (!TryClientsFor(SecretId, Clients, out var clients))
        {
            if (Quiet) WriteObject(false);
            return;
        }
        bool ran = TryRun(SecretId, host => new SecretValidator(clients.Secrets, host, clients.Lambda, clients.CloudWatch).ValidateAsync(new SecretValidationRequest
        {
            SecretId = SecretId,
            ExpectedVersionId = VersionId,
            Staged = Status == RotationStatus.Pending,
            ExpectedPreviousVersionId = PreviousVersionId,
            DeploymentId = DeploymentId,
            RequiredKeys = RequiredKey ?? Array.Empty<string>(),
            MaxAge = MaxAge,
            ExcludedChecks = new HashSet<string>(ExcludeCheck ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase),
            Tester = TestScript != null ? new ScriptBlockSecretTester(TestScript, host) : null,
            ConsumerFunctionName = FunctionName,
            ConsumerQualifier = Qualifier,
            ConsumerPayload = Payload != null ? System.Text.Encoding.UTF8.GetBytes(Payload) : null,
            MaxConsumerErrorRate = MaxConsumerErrorRate,
        }), out SecretValidation validation);

        if (Quiet)
        {
            WriteObject(ran && validation.Passed);
            return;
        }
        if (!ran) return;
        if (!validation.Passed)
            WriteError(ErrorRecords.Failure("SecretValidationFailed", RunbookErrorCategory.InvalidResult,
                $"Secret '{validation.Name}' failed {string.Join(", ", validation.FailedChecks)}: " +
                string.Join(" ", Array.ConvertAll(validation.FailedChecks, name => Detail(validation, name))), validation));
        WriteObject(validation);
    }

    private static string Detail(SecretValidation validation, string checkName)
    {
        foreach (var check in validation.Checks)
            if (check.Name == checkName) return $"[{check.Name}] {check.Detail}";
        return "";
    }
}
