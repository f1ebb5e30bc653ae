using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using RotationOps.Commands.Hosting;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Canary;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Lambda;

namespace RotationOps.Commands;

/// <summary>
/// <para type="synopsis">Publishes a new Lambda version and routes a canary share of an alias's traffic to it.</para>
/// <para type="description">Applies -Environment (merged), -RemoveEnvironmentVariable, -Runtime, -ZipFile and -Description to $LATEST, waits for the update, publishes a version (RevisionId-guarded), waits until it is Active, optionally invokes it with -PreTrafficPayload before any traffic moves, then routes -Weight of the alias to it (RevisionId-guarded). Or canaries an existing -Version. Refuses an alias that is already routed, or a $LATEST that drifted from the live version, unless -Force. Functions piped in (names, AWS.Tools function objects) are deployed concurrently, -ThrottleLimit at a time (default 8); a failure in one does not stop the others. Piping a rotation staged with Invoke-SecretRotation -Pending makes a secret canary: the new version gets the staged version id in ROTATIONOPS_SECRET_VERSION_ID.</para>
/// </summary>
/// <example>
/// <code>
/// Publish-LambdaCanary -FunctionName orders-api -AliasName LIVE -Runtime python3.11 -Weight 0.05
/// </code>
/// <para>Runtime upgrade behind a canary: updates $LATEST, waits for the update, publishes and waits for the version to be Active, then routes 5 % of alias LIVE to it.</para>
/// </example>
/// <example>
/// <code>
/// Publish-LambdaCanary -FunctionName orders-api -AliasName LIVE -Weight 0.1 `
///     -Environment @{ API_ENDPOINT = 'https://api-v2.example.com' } -RemoveEnvironmentVariable OLD_FLAG `
///     -PreTrafficPayload '{"ping":true}'
/// </code>
/// <para>Environment change through an alias-targeted version. The version is invoked once before any traffic moves; a function error aborts with the alias unchanged. Plans show variable names with keyed hashes, never values.</para>
/// </example>
/// <example>
/// <code>
/// Get-LMFunctionList | Where-Object Runtime -eq python3.8 |
///     Publish-LambdaCanary -AliasName LIVE -Runtime python3.11 -Weight 0.05 |
///     Set-AliasWeight -Steps 0.25, 0.5, 1 -BakeTime 00:30:00 -MaxErrorRate 0.01
/// </code>
/// <para>A fleet: AWS.Tools function objects bind by property name, functions are deployed 8 at a time and baked 32 at a time (the -ThrottleLimit defaults), and one failing function does not stop the others.</para>
/// </example>
/// <example>
/// <code>
/// Publish-LambdaCanary -FunctionName orders-api -AliasName LIVE -Version 7 -Weight 0.1 -WhatIf
/// </code>
/// <para>Shows the plan for canarying an already published version, changing nothing.</para>
/// </example>
[Cmdlet(VerbsData.Publish, "LambdaCanary", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.LambdaCanaries)]
[OutputType(typeof(LambdaDeployment))]
public sealed class PublishLambdaCanaryCommand : JournaledCmdlet
{
    private DeploymentJournal? _journal;

    /// <summary><para type="description">The function's name or ARN. Accepts pipeline input by property name (AWS.Tools function objects, Get-LMFunctionList).</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FunctionArn")]
    [ValidateNotNullOrEmpty]
    [ValidateAwsIdentifier(AwsIdentifierKind.FunctionName)]
    [ArgumentCompleter(typeof(Completion.FunctionNameCompleter))]
    public string FunctionName { get; set; } = "";

    /// <summary><para type="description">The alias that serves live traffic, e.g. LIVE. It must point at a published version.</para></summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ValidateAwsIdentifier(AwsIdentifierKind.AliasName)]
    [ArgumentCompleter(typeof(Completion.AliasNameCompleter))]
    public string AliasName { get; set; } = "";

    /// <summary><para type="description">Share of the alias's traffic for the new version, above 0 and below 1 (0.05 = 5%).</para></summary>
    [Parameter(Mandatory = true)]
    public double Weight { get; set; }

    /// <summary><para type="description">Environment variables to add or change; the live version's other variables are kept. Values are never printed: plans and Changes show keyed fingerprints (hmac ...), which tell values apart without revealing them.</para></summary>
    [Parameter]
    public Hashtable? Environment { get; set; }

    /// <summary><para type="description">Environment variables to remove.</para></summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? RemoveEnvironmentVariable { get; set; }

    /// <summary><para type="description">The new runtime, e.g. python3.11.</para></summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Runtime { get; set; }

    /// <summary><para type="description">Path to a zip with the new code.</para></summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ZipFile { get; set; }

    /// <summary><para type="description">Description of the new version.</para></summary>
    [Parameter]
    public string? Description { get; set; }

    /// <summary><para type="description">Canary an existing published version as it is, instead of publishing a new one.</para></summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateAwsIdentifier(AwsIdentifierKind.FunctionVersion)]
    [ArgumentCompleter(typeof(Completion.FunctionVersionCompleter))]
    public string? Version { get; set; }

    /// <summary><para type="description">JSON text or a hashtable: invoked on the new version before any traffic moves; a function error aborts the canary.</para></summary>
    [Parameter]
    public object? PreTrafficPayload { get; set; }

    /// <summary><para type="description">Replace an existing routing configuration, or publish although $LATEST drifted from the live version. Also takes over the deployment lock another deployer holds on the target (journaled as LockTakeover); without -Force a held lock refuses with DeploymentLocked, unless its holder's process is gone from this machine or its lease expired.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary><para type="description">Secret canary: the secret whose staged version the new function version reads. Bound from a piped rotation.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateAwsIdentifier(AwsIdentifierKind.SecretId)]
    [ArgumentCompleter(typeof(Completion.SecretIdCompleter))]
    public string? SecretId { get; set; }

    /// <summary><para type="description">Secret canary: the staged secret version (a rotation's VersionId).</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("VersionId")]
    [ValidateAwsIdentifier(AwsIdentifierKind.SecretVersionId)]
    [ArgumentCompleter(typeof(Completion.SecretVersionIdCompleter))]
    public string? SecretVersionId { get; set; }

    /// <summary><para type="description">Secret canary: the secret version that was current before (a rotation's PreviousVersionId).</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("PreviousVersionId")]
    [ValidateAwsIdentifier(AwsIdentifierKind.SecretVersionId)]
    [ArgumentCompleter(typeof(Completion.SecretVersionIdCompleter))]
    public string? PreviousSecretVersionId { get; set; }

    /// <summary><para type="description">Bound from a piped Test-RotatedSecret result: a secret that failed validation is not deployed.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    [Alias("Passed")]
    public bool? SecretValidationPassed { get; set; }

    /// <summary><para type="description">Secret canary: the environment variable that carries the staged version id. Default ROTATIONOPS_SECRET_VERSION_ID.</para></summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string SecretVersionVariable { get; set; } = "ROTATIONOPS_SECRET_VERSION_ID";

    /// <summary><para type="description">How many piped functions are deployed at the same time; the others wait their turn. Default 8.</para></summary>
    [Parameter]
    [ValidateRange(1, PipelineThrottle.MaxLimit)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    /// <summary>
    /// Deploying is a burst of Lambda control-plane calls, and the wait for an update polls
    /// GetFunctionConfiguration every second: the account has 15 such calls a second for every
    /// tool. 8 at once stay under that with room for the publishes and alias moves. It costs a
    /// fleet little, since a deployment takes seconds; the long part, baking, is
    /// Set-AliasWeight's, which runs more at once.
    /// </summary>
    private const int DefaultThrottleLimit = 8;

    private PipelineThrottle? _throttle;

    /// <summary>Made with the first pipeline item, once -ThrottleLimit is bound.</summary>
    private PipelineThrottle Throttle => _throttle ??= new PipelineThrottle(ThrottleLimit);

    protected override void Begin()
    {
        Connect(Clients);
        _journal = OpenJournal();
    }

    protected override void ProcessRecord()
    {
        if (SecretValidationPassed == false)
        {
            WriteError(ErrorRecords.Failure("SecretValidationFailed", RunbookErrorCategory.InvalidResult,
                $"Not deploying {FunctionName}: secret {SecretId} failed validation (see Test-RotatedSecret).", SecretId ?? FunctionName));
            return;
        }
        CanaryRequest request;
        try
        {
            ParameterRule.Check(GivenParameters(), PublishLambdaCanaryRules.All);
            request = BuildRequest();
        }
        catch (RunbookException ex)
        {
            WriteError(ErrorRecords.From(ex, FunctionName));
            return;
        }
        if (!TryClientsFor(FunctionName, Clients, out var lambda)) return;
        StartConcurrent(FunctionName, host => Throttle.RunAsync(() => new CanaryPublisher(lambda, _journal!, host).PublishAsync(request), host.Cancellation), Deliver);
    }

    protected override void EndProcessing() => CompleteStarted();

    private static ILambdaClient Clients(AwsConnectionOptions options, Action<string> verbose) => LambdaClient.Create(options, TimeProvider.System, verbose);

    private void Deliver(LambdaDeployment deployment)
    {
        if (deployment.Status == DeploymentStatus.Canary) WriteObject(deployment);
        else if (deployment.Status == DeploymentStatus.Aborted)
            WriteError(ErrorRecords.Failure("CanaryAborted", RunbookErrorCategory.InvalidResult,
                $"Canary of {deployment.FunctionName}:{deployment.AliasName} aborted: {deployment.Message}", deployment));
    }

    private CanaryRequest BuildRequest()
    {
        var request = new CanaryRequest
        {
            FunctionName = FunctionName,
            AliasName = AliasName,
            Weight = Weight,
            Runtime = Runtime,
            Description = Description,
            Version = Version,
            Force = Force,
            RemoveEnvironmentVariables = RemoveEnvironmentVariable,
            SecretId = SecretVersionId != null ? SecretId : null,
            SecretVersionId = SecretId != null ? SecretVersionId : null,
            PreviousSecretVersionId = PreviousSecretVersionId,
            SecretVersionVariable = SecretVersionVariable,
        };
        if (Environment != null)
        {
            var variables = new Dictionary<string, string>();
            foreach (DictionaryEntry entry in Environment)
                variables[entry.Key.ToString()!] = LanguagePrimitives.ConvertTo<string>(entry.Value is PSObject ps ? ps.BaseObject : entry.Value);
            request.Environment = variables;
        }
        if (ZipFile != null)
        {
            string path = GetUnresolvedProviderPathFromPSPath(ZipFile);
            if (!File.Exists(path))
                throw RunbookException.InvalidParameter("ZipFile", $"no file at '{path}'.");
            request.ZipFile = File.ReadAllBytes(path);
            request.ZipFileName = Path.GetFileName(path);
        }
        if (PreTrafficPayload != null)
        {
            object raw = PreTrafficPayload is PSObject ps ? ps.BaseObject : PreTrafficPayload;
            request.PreTrafficPayload = raw is string text
                ? Encoding.UTF8.GetBytes(text)
                : raw is IDictionary dictionary
                    ? JsonSerializer.SerializeToUtf8Bytes(ToPlain(dictionary))
                    : throw RunbookException.InvalidParameter("PreTrafficPayload", "give JSON text or a hashtable.");
        }
        return request;
    }

    private static Dictionary<string, object?> ToPlain(IDictionary dictionary)
    {
        var plain = new Dictionary<string, object?>();
        foreach (DictionaryEntry entry in dictionary)
        {
            object? value = entry.Value is PSObject ps ? ps.BaseObject : entry.Value;
            plain[entry.Key.ToString()!] = value is IDictionary nested ? ToPlain(nested) : value;
        }
        return plain;
    }
}
