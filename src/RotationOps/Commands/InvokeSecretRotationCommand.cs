using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Commands.Hosting;
using RotationOps.Engine.Aws;
using RotationOps.Engine.CloudWatch;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Hosting;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Outcomes;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.SecretsManager;

namespace RotationOps.Commands;

/// <summary>
/// <para type="synopsis">Rotates Secrets Manager secrets and waits until the new version is live.</para>
/// <para type="description">Service mode (default) starts RotateSecret through the rotation function and waits, with a progress bar, until the new version is AWSCURRENT and no AWSPENDING is left; a stalled or failed rotation is reported with how far the function got. Manual mode (-NewValue or -GeneratePassword) stages the value as AWSPENDING, reads it back, runs -TestScript, then moves AWSCURRENT (AWSPREVIOUS follows). -Pending stops after staging; pipe the result back with -Complete to promote it (only a version this module staged, as its journal records). An unfinished rotation is never overwritten unless -Force; nothing is ever deleted. A service rotation interrupted by Ctrl+C or a crash is resumed by running the same command again: it waits for the rotation already under way and reports it with the same version id, starting no second one.</para>
/// </summary>
/// <example>
/// <code>
/// Invoke-SecretRotation -SecretId prod/orders/db `
///     -RotationLambdaArn arn:aws:lambda:eu-west-1:123456789012:function:orders-db-rotation `
///     -AutomaticallyAfterDays 30 -Timeout 00:15:00
/// </code>
/// <para>Service mode: configures the rotation function and a 30-day schedule, rotates now, and waits until the new version is AWSCURRENT and no AWSPENDING is left. A rotation function that fails is reported with the step it reached.</para>
/// </example>
/// <example>
/// <code>
/// 'prod/orders/db', 'prod/billing/db' | Invoke-SecretRotation -ThrottleLimit 4
/// </code>
/// <para>On-demand rotation of several secrets through their configured rotation functions, four at a time; a secret that fails writes a non-terminating RotationFailed error and the others go on.</para>
/// </example>
/// <example>
/// <code>
/// Invoke-SecretRotation -SecretId prod/orders/db -GeneratePassword -PasswordLength 40 -ExcludeCharacters '/@"' -JsonKey password -TestScript {
///     param($Secret)
///     Test-DbLogin -Credential $Secret.Credential
/// }
/// </code>
/// <para>Manual mode: Secrets Manager generates the password, only the password key of the JSON changes, and the script tries the staged value before it goes live (Test-DbLogin stands for your own check). Throwing or returning $false un-stages it and leaves AWSCURRENT untouched.</para>
/// </example>
/// <example>
/// <code>
/// $pending = Invoke-SecretRotation -SecretId prod/orders/db -GeneratePassword -JsonKey password -Pending
/// $pending | Invoke-SecretRotation -Complete
/// </code>
/// <para>Stages a new value as AWSPENDING so a canary can try it, then promotes it. -Complete refuses when AWSCURRENT moved in between, or when the version was not staged by -Pending, unless -Force.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Invoke, "SecretRotation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    DefaultParameterSetName = RotateSet, HelpUri = HelpLinks.InvokeSecretRotation)]
[OutputType(typeof(SecretRotation))]
public sealed class InvokeSecretRotationCommand : JournaledCmdlet
{
    // Two sets. Rotate (the default) takes a service rotation's parameters and a manual one's,
    // which cannot be sets of their own: a command naming -NewValue and -GeneratePassword must
    // bind, so that InvokeSecretRotationRules can say why they clash instead of PowerShell's
    // AmbiguousParameterSet, and two non-default sets sharing -GeneratePassword would leave a
    // piped command unresolved (PowerShell prompts rather than choose by mandatory parameters
    // when input is piped). Complete keeps -Complete and -VersionId mandatory, so -Complete
    // alone prompts for the version; it also takes the Rotate parameters, hidden (DontShow
    // keeps them out of help and completion) and never from the pipeline, so a clash with
    // -Complete binds too, while any of them given alone still goes to the default set.
    private const string RotateSet = "Rotate";
    private const string CompleteSet = "Complete";

    private DeploymentJournal? _journal;
    private string? _metricNamespace;

    /// <summary><para type="description">The secret's name or ARN. Accepts pipeline input: strings, or objects with SecretId, ARN or Name.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "ARN", "SecretArn", "Name")]
    [ValidateNotNullOrEmpty]
    [ValidateAwsIdentifier(AwsIdentifierKind.SecretId)]
    [ArgumentCompleter(typeof(Completion.SecretIdCompleter))]
    public string SecretId { get; set; } = "";

    /// <summary><para type="description">Service mode: the rotation function to configure. Default: the one already configured on the secret.</para></summary>
    [Parameter(ParameterSetName = RotateSet)]
    [Parameter(ParameterSetName = CompleteSet, DontShow = true)]
    [ValidateNotNullOrEmpty]
    [ValidateAwsIdentifier(AwsIdentifierKind.FunctionArn)]
    public string? RotationLambdaArn { get; set; }

    /// <summary><para type="description">Service mode: set the schedule to every N days (1-1000).</para></summary>
    [Parameter(ParameterSetName = RotateSet)]
    [Parameter(ParameterSetName = CompleteSet, DontShow = true)]
    public int AutomaticallyAfterDays { get; set; }

    /// <summary><para type="description">Service mode: set the schedule as rate(...) or cron(...).</para></summary>
    [Parameter(ParameterSetName = RotateSet)]
    [Parameter(ParameterSetName = CompleteSet, DontShow = true)]
    [ValidateNotNullOrEmpty]
    public string? ScheduleExpression { get; set; }

    /// <summary><para type="description">Service mode: the rotation window in hours, e.g. 3h.</para></summary>
    [Parameter(ParameterSetName = RotateSet)]
    [Parameter(ParameterSetName = CompleteSet, DontShow = true)]
    [ValidateNotNullOrEmpty]
    public string? RotationWindow { get; set; }

    /// <summary><para type="description">Service mode: how long to wait for the rotation to finish. Default 10 minutes.</para></summary>
    [Parameter(ParameterSetName = RotateSet)]
    [Parameter(ParameterSetName = CompleteSet, DontShow = true)]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary><para type="description">Manual mode: the new value. A SecureString (the whole value, or one key with -JsonKey), a PSCredential (username/password keys) or a hashtable of JSON keys merged into the current value, each key holding one SecureString, string, number or boolean. Plain strings, empty values and nested values (hashtables, arrays, objects, script blocks) are refused before any change.</para></summary>
    [Parameter(ParameterSetName = RotateSet)]
    [Parameter(ParameterSetName = CompleteSet, DontShow = true)]
    public object? NewValue { get; set; }

    /// <summary><para type="description">Manual mode: let Secrets Manager generate the new password (GetRandomPassword). Not with -NewValue, which gives the value.</para></summary>
    [Parameter(ParameterSetName = RotateSet)]
    [Parameter(ParameterSetName = CompleteSet, DontShow = true)]
    public SwitchParameter GeneratePassword { get; set; }

    /// <summary><para type="description">Length of the generated password (1-4096, default 32).</para></summary>
    [Parameter(ParameterSetName = RotateSet)]
    [Parameter(ParameterSetName = CompleteSet, DontShow = true)]
    [ValidateRange(1, 4096)]
    public int PasswordLength { get; set; }

    /// <summary><para type="description">Characters the generated password must not contain.</para></summary>
    [Parameter(ParameterSetName = RotateSet)]
    [Parameter(ParameterSetName = CompleteSet, DontShow = true)]
    public string? ExcludeCharacters { get; set; }

    /// <summary><para type="description">Generate without digits.</para></summary>
    [Parameter(ParameterSetName = RotateSet)]
    [Parameter(ParameterSetName = CompleteSet, DontShow = true)]
    public SwitchParameter ExcludeNumbers { get; set; }

    /// <summary><para type="description">Generate without punctuation.</para></summary>
    [Parameter(ParameterSetName = RotateSet)]
    [Parameter(ParameterSetName = CompleteSet, DontShow = true)]
    public SwitchParameter ExcludePunctuation { get; set; }

    /// <summary><para type="description">Generate without upper-case letters.</para></summary>
    [Parameter(ParameterSetName = RotateSet)]
    [Parameter(ParameterSetName = CompleteSet, DontShow = true)]
    public SwitchParameter ExcludeUppercase { get; set; }

    /// <summary><para type="description">Generate without lower-case letters.</para></summary>
    [Parameter(ParameterSetName = RotateSet)]
    [Parameter(ParameterSetName = CompleteSet, DontShow = true)]
    public SwitchParameter ExcludeLowercase { get; set; }

    /// <summary><para type="description">Allow spaces in the generated password.</para></summary>
    [Parameter(ParameterSetName = RotateSet)]
    [Parameter(ParameterSetName = CompleteSet, DontShow = true)]
    public SwitchParameter IncludeSpace { get; set; }

    /// <summary><para type="description">Require at least one character of every included type.</para></summary>
    [Parameter(ParameterSetName = RotateSet)]
    [Parameter(ParameterSetName = CompleteSet, DontShow = true)]
    public SwitchParameter RequireEachIncludedType { get; set; }

    /// <summary><para type="description">Manual mode: rotate only this key of a JSON secret (e.g. password); other keys keep their values.</para></summary>
    [Parameter(ParameterSetName = RotateSet)]
    [Parameter(ParameterSetName = CompleteSet, DontShow = true)]
    [ValidateNotNullOrEmpty]
    public string? JsonKey { get; set; }

    /// <summary><para type="description">A script block that tries the staged value before it goes live. It gets an object with SecretId, VersionId, Value (SecureString) and Credential (for username/password JSON); it fails the rotation by throwing or returning $false.</para></summary>
    [Parameter(ParameterSetName = RotateSet)]
    [Parameter(ParameterSetName = CompleteSet)]
    public ScriptBlock? TestScript { get; set; }

    /// <summary><para type="description">Manual mode: stop once the new value is staged AWSPENDING, so a canary can try it; promote it later with -Complete.</para></summary>
    [Parameter(ParameterSetName = RotateSet)]
    [Parameter(ParameterSetName = CompleteSet, DontShow = true)]
    public SwitchParameter Pending { get; set; }

    /// <summary><para type="description">Promote a version staged with -Pending (pipe the rotation object, or give -SecretId and -VersionId). A version this module did not stage, such as one a failed rotation function left, is refused (VersionNotStaged) unless -Force: its value may never have reached the database.</para></summary>
    [Parameter(Mandatory = true, ParameterSetName = CompleteSet)]
    public SwitchParameter Complete { get; set; }

    /// <summary><para type="description">With -Complete: the staged version to promote.</para></summary>
    [Parameter(Mandatory = true, ParameterSetName = CompleteSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = RotateSet, DontShow = true)]
    [ValidateNotNullOrEmpty]
    [ValidateAwsIdentifier(AwsIdentifierKind.SecretVersionId)]
    [ArgumentCompleter(typeof(Completion.SecretVersionIdCompleter))]
    public string VersionId { get; set; } = "";

    /// <summary><para type="description">With -Complete: the version that was AWSCURRENT when the value was staged; completing is refused if AWSCURRENT moved since, unless -Force.</para></summary>
    [Parameter(ParameterSetName = CompleteSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = RotateSet, DontShow = true)]
    [ValidateAwsIdentifier(AwsIdentifierKind.SecretVersionId)]
    [ArgumentCompleter(typeof(Completion.SecretVersionIdCompleter))]
    public string? PreviousVersionId { get; set; }

    /// <summary><para type="description">With -Complete: the journal id of the staged rotation, so both halves are recorded together.</para></summary>
    [Parameter(ParameterSetName = CompleteSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = RotateSet, DontShow = true)]
    public string? DeploymentId { get; set; }

    /// <summary><para type="description">Take AWSPENDING off a version left by an unfinished rotation and start anew (the version is kept). With -Complete: promote even though AWSCURRENT moved, or a version this module did not stage. Also takes over the deployment lock another deployer holds on the target (journaled as LockTakeover); without -Force a held lock refuses with DeploymentLocked, unless its holder's process is gone from this machine or its lease expired.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary><para type="description">Publish the outcome to this CloudWatch namespace (1-255 characters, not starting with AWS/), so an alarm can watch rotations: RotationSucceeded or RotationFailed (1, Count) and RotationDuration (Seconds), dimension SecretName (the name, also when an ARN is given). Secrets Manager itself publishes no metric for a failed rotation. A publish that fails is a warning and leaves the result as it is; -WhatIf publishes nothing.</para></summary>
    [Parameter]
    public string? MetricNamespace { get; set; }

    /// <summary><para type="description">How many piped secrets rotate at the same time (each waits for its rotation function); the others wait their turn. Default 8.</para></summary>
    [Parameter]
    [ValidateRange(1, PipelineThrottle.MaxLimit)]
    public int ThrottleLimit { get; set; } = 8;

    private PipelineThrottle? _throttle;

    /// <summary>Made with the first pipeline item, once -ThrottleLimit is bound.</summary>
    private PipelineThrottle Throttle => _throttle ??= new PipelineThrottle(ThrottleLimit);

    protected override void Begin()
    {
        RefuseBadCombinations(InvokeSecretRotationRules.All);
        _metricNamespace = OutcomeNamespace(MetricNamespace);
        Connect(Clients);
        _journal = OpenJournal();
    }

    protected override void ProcessRecord()
    {
        // Captured now: the parameters are rebound for the next pipeline item while this one runs.
        string secretId = SecretId, versionId = VersionId;
        string? previousVersionId = PreviousVersionId, deploymentId = DeploymentId;
        bool complete = Complete;
        if (!TryClientsFor(secretId, Clients, out var clients)) return;
        StartConcurrent(secretId, host =>
        {
            ISecretTester? tester = TestScript != null ? new ScriptBlockSecretTester(TestScript, host) : null;
            var request = complete ? null : BuildRequest(tester);
            var runner = new SecretRotationRunner(clients.Secrets, _journal!, host, clients.CloudWatch);
            var outcomes = _metricNamespace != null ? new OutcomeMetrics(clients.CloudWatch, _metricNamespace, host) : null;
            return Throttle.RunAsync(() => PublishedAsync(secretId, host, outcomes, () => complete
                ? runner.CompleteAsync(secretId, versionId, previousVersionId, deploymentId, Force, tester)
                : runner.RotateAsync(request!)), host.Cancellation);
        }, Deliver);
    }

    /// <summary>
    /// Runs one rotation and, with -MetricNamespace, publishes how it ended; an error that ends it
    /// (a refusal, AWS failing it) is a failed rotation too. Ctrl+C publishes nothing.
    /// </summary>
    private static async Task<SecretRotation> PublishedAsync(string secretId, IRunbookHost host, OutcomeMetrics? outcomes, Func<Task<SecretRotation>> rotate)
    {
        if (outcomes == null) return await rotate().ConfigureAwait(false);
        var startedAt = host.Time.GetUtcNow();
        SecretRotation rotation;
        try
        {
            rotation = await rotate().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RunbookException || ex is AwsServiceException)
        {
            await outcomes.RotationFailedAsync(secretId, startedAt).ConfigureAwait(false);
            throw;
        }
        await outcomes.RotationAsync(rotation).ConfigureAwait(false);
        return rotation;
    }

    protected override void EndProcessing() => CompleteStarted();

    private static (ISecretsManagerClient Secrets, ICloudWatchClient CloudWatch) Clients(AwsConnectionOptions options, Action<string> verbose) =>
        (SecretsManagerClient.Create(options, TimeProvider.System, verbose), CloudWatchClient.Create(options, TimeProvider.System, verbose));

    private void Deliver(SecretRotation rotation)
    {
        switch (rotation.Status)
        {
            case RotationStatus.Completed:
            case RotationStatus.Pending:
                WriteObject(rotation);
                break;
            case RotationStatus.Failed:
                WriteError(ErrorRecords.Failure("RotationFailed", RunbookErrorCategory.InvalidResult, $"Rotation of '{rotation.Name}' failed: {rotation.Message}", rotation));
                break;
        }
    }

    private SecretRotationRequest BuildRequest(ISecretTester? tester)
    {
        var request = new SecretRotationRequest
        {
            SecretId = SecretId,
            Force = Force,
            Pending = Pending,
            Timeout = Timeout,
            RotationLambdaArn = RotationLambdaArn,
            Tester = tester,
        };
        if (MyInvocation.BoundParameters.ContainsKey(nameof(AutomaticallyAfterDays)) || ScheduleExpression != null || RotationWindow != null)
            request.RotationRules = new RotationRules
            {
                AutomaticallyAfterDays = MyInvocation.BoundParameters.ContainsKey(nameof(AutomaticallyAfterDays)) ? AutomaticallyAfterDays : (int?)null,
                ScheduleExpression = ScheduleExpression,
                Duration = RotationWindow,
            };
        if (NewValue != null)
            request.NewValue = SecretValueConverter.FromParameter(NewValue, JsonKey);
        else if (GeneratePassword)
            request.NewValue = NewSecretValue.Generated(PasswordOptions(), JsonKey);
        return request;
    }

    private RandomPasswordRequest PasswordOptions() => new RandomPasswordRequest
    {
        PasswordLength = PasswordLength > 0 ? PasswordLength : (int?)null,
        ExcludeCharacters = ExcludeCharacters,
        ExcludeNumbers = ExcludeNumbers ? true : (bool?)null,
        ExcludePunctuation = ExcludePunctuation ? true : (bool?)null,
        ExcludeUppercase = ExcludeUppercase ? true : (bool?)null,
        ExcludeLowercase = ExcludeLowercase ? true : (bool?)null,
        IncludeSpace = IncludeSpace ? true : (bool?)null,
        RequireEachIncludedType = RequireEachIncludedType ? true : (bool?)null,
    };
}
