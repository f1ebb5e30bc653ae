using System;
using System.Management.Automation;
using RotationOps.Commands.Hosting;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Canary;
using RotationOps.Engine.CloudWatch;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Lambda;
using RotationOps.Engine.Outcomes;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.SecretsManager;

namespace RotationOps.Commands;

/// <summary>
/// <para type="synopsis">Moves an alias's traffic between the stable and canary versions, baking each step under health gates.</para>
/// <para type="description">-Weight sets one share, -Promote sends everything to the canary, -Steps walks a list (e.g. 0.25,0.5,1) with -BakeTime at each. During a bake the gates are polled every -PollInterval: CloudWatch alarms (-Alarm), the canary's own error rate from the ExecutedVersion metrics (-MaxErrorRate), the canary against the stable version (-MaxErrorRateIncrease), a minimum number of invocations before judging (-MinInvocations), and -HealthScript. -Verdict Sequential adds a sequential test of the canary's errors against the stable version's: it rolls back as soon as the evidence shows the canary fails more often, with at most -FalseRollbackRate (default 1%) of healthy canaries rolled back however often it is polled, and ends a step's bake early once the evidence shows the canary is no worse and every other gate passes; its counts, log-likelihood ratio and boundaries are in each step's gate results (Verdict). Gates need a bake: giving one without -BakeTime is an InvalidParameter error before any change. A failing gate rolls the alias back to the stable version (unless -NoRollback) and the output and error carry the evidence. Before moving anything the alias must still be where the deployment left it (the stable version with the canary at the recorded weight); if it was changed outside the deployment, e.g. an emergency update-alias, the command refuses with AliasChanged and says what is safe to run, unless -Force. Deployments piped in bake concurrently, -ThrottleLimit at a time (default 32). Ctrl+C, or an error that ends the command (-ErrorAction Stop), stops every bake: each alias is left on published versions as the journal records it, nothing moves after the command returns, and the journal says how to resume (-DeploymentId) or undo. The output carries the deployment's whole story: Changes, AliasArn, and Steps from the initial canary step through every shift.</para>
/// </summary>
/// <example>
/// <code>
/// Publish-LambdaCanary -FunctionName orders-api -AliasName LIVE -Runtime python3.11 -Weight 0.05 |
///     Set-AliasWeight -Steps 0.25, 0.5, 1 -BakeTime 00:15:00 -Alarm orders-api-errors -MaxErrorRate 0.01 -MinInvocations 200
/// </code>
/// <para>Walks the canary to 25 %, 50 % and 100 %, baking 15 minutes at each step under an alarm and an error-rate gate; a failing gate rolls the alias back and the error carries the evidence.</para>
/// </example>
/// <example>
/// <code>
/// $deployment | Set-AliasWeight -Steps 0.1, 0.5, 1 -BakeTime 00:30:00 -Verdict Sequential -Alarm orders-api-errors
/// </code>
/// <para>Bakes up to 30 minutes at 10 % and 50 %, judging the canary's errors against the stable version's as they come in: a regression rolls back within minutes, and a step whose evidence shows the canary no worse ends early. At most 1 % of healthy canaries are rolled back by the verdict (-FalseRollbackRate).</para>
/// </example>
/// <example>
/// <code>
/// Set-AliasWeight -DeploymentId dep-20261122T0930Z-1a2b3c4d -Steps 0.5, 1 -BakeTime 00:10:00 -MaxErrorRate 0.01
/// </code>
/// <para>Resumes a deployment from the journal after Ctrl+C or a lost runner.</para>
/// </example>
/// <example>
/// <code>
/// $deployment | Set-AliasWeight -Promote
/// </code>
/// <para>Sends all traffic to the canary version and clears the routing (for a secret canary, AWSCURRENT moves first).</para>
/// </example>
/// <example>
/// <code>
/// Set-AliasWeight -FunctionName orders-api -AliasName LIVE -Weight 0.2 -BakeTime 00:05:00 -HealthScript {
///     param($Deployment)
///     (Invoke-RestMethod https://orders.example.com/health).status -eq 'ok'
/// }
/// </code>
/// <para>Moves the canary to 20 % and bakes five minutes under your own health check; throwing or returning $false rolls it back.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "AliasWeight", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = StepsSet, HelpUri = HelpLinks.LambdaCanaries)]
[OutputType(typeof(LambdaDeployment))]
public sealed class SetAliasWeightCommand : JournaledCmdlet
{
    // Steps, the default set, has -Steps mandatory, so a command naming no move prompts for the
    // steps. -Weight and -Promote share one set with nothing mandatory: a command naming both must
    // bind, so that SetAliasWeightRules can say why they clash instead of PowerShell's
    // AmbiguousParameterSet, and two non-default sets sharing a parameter would leave a piped
    // command unresolved (PowerShell prompts rather than choose by mandatory parameters when input
    // is piped). That set also takes -Steps, hidden (DontShow keeps it out of help and completion),
    // for the same reason; given alone, -Steps still goes to the default set.
    private const string StepsSet = "Steps";
    private const string WeightOrPromoteSet = "WeightOrPromote";

    private DeploymentJournal? _journal;
    private string? _metricNamespace;

    /// <summary><para type="description">The function. Bound from a piped deployment.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateAwsIdentifier(AwsIdentifierKind.FunctionName)]
    [ArgumentCompleter(typeof(Completion.FunctionNameCompleter))]
    public string? FunctionName { get; set; }

    /// <summary><para type="description">The alias. Bound from a piped deployment.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateAwsIdentifier(AwsIdentifierKind.AliasName)]
    [ArgumentCompleter(typeof(Completion.AliasNameCompleter))]
    public string? AliasName { get; set; }

    /// <summary><para type="description">A deployment in the journal: piped from Publish-LambdaCanary, or given to resume after Ctrl+C or a crash.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? DeploymentId { get; set; }

    /// <summary><para type="description">Route this share (above 0, up to 1) to the canary. Give one of -Weight, -Promote or -Steps.</para></summary>
    [Parameter(ParameterSetName = WeightOrPromoteSet)]
    public double Weight { get; set; }

    /// <summary><para type="description">Send all traffic to the canary (completing a staged secret first). Give one of -Weight, -Promote or -Steps.</para></summary>
    [Parameter(ParameterSetName = WeightOrPromoteSet)]
    public SwitchParameter Promote { get; set; }

    /// <summary><para type="description">Rising weights to walk, baking -BakeTime at each; 1 at the end promotes. Give one of -Weight, -Promote or -Steps.</para></summary>
    [Parameter(Mandatory = true, ParameterSetName = StepsSet)]
    [Parameter(ParameterSetName = WeightOrPromoteSet, DontShow = true)]
    [ValidateNotNullOrEmpty]
    public double[]? Steps { get; set; }

    /// <summary><para type="description">How long each step bakes under the gates, e.g. 00:15:00; with -Verdict Sequential, the longest it bakes. Required with -Alarm, -MaxErrorRate, -MaxErrorRateIncrease, -HealthScript or -Verdict Sequential.</para></summary>
    [Parameter(ParameterSetName = StepsSet)]
    [Parameter(ParameterSetName = WeightOrPromoteSet)]
    public TimeSpan BakeTime { get; set; }

    /// <summary><para type="description">How often the gates are polled during a bake. Default 1 minute (Lambda metrics are per minute).</para></summary>
    [Parameter]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary><para type="description">CloudWatch alarms, metric or composite, that must not be in ALARM (checked before the first move and during every bake; INSUFFICIENT_DATA passes).</para></summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateLength(1, 255)]
    [ArgumentCompleter(typeof(Completion.AlarmNameCompleter))]
    public string[]? Alarm { get; set; }

    /// <summary><para type="description">Highest acceptable error rate of the canary version (0.01 = 1%).</para></summary>
    [Parameter]
    public double MaxErrorRate { get; set; }

    /// <summary><para type="description">How much worse than the stable version the canary may do (0.02 = 2 points).</para></summary>
    [Parameter]
    public double MaxErrorRateIncrease { get; set; }

    /// <summary><para type="description">Invocations the canary must have served before the error-rate gates judge; too few by the end of a bake fails it (for -Verdict Sequential too, when it is still undecided). Default 100.</para></summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int MinInvocations { get; set; } = 100;

    /// <summary><para type="description">A script block polled during bakes with the deployment as its argument; throwing or returning $false fails the gate.</para></summary>
    [Parameter]
    public ScriptBlock? HealthScript { get; set; }

    /// <summary><para type="description">How bakes are judged. Threshold (the default): the gates above, each bake running its full -BakeTime. Sequential: also a sequential test of the canary's error count against the stable version's, which rolls back as soon as the canary is shown to fail more often and ends a bake early once it is shown no worse (the other gates still apply; a bake ends early only when all pass).</para></summary>
    [Parameter]
    public CanaryVerdict Verdict { get; set; }

    /// <summary><para type="description">With -Verdict Sequential: the most often a healthy canary may be rolled back by the verdict over the whole run, however often it is polled (split evenly across the baked steps). Default 0.01; lower waits for more evidence.</para></summary>
    [Parameter]
    public double FalseRollbackRate { get; set; }

    /// <summary><para type="description">Leave the alias split when a gate fails, instead of rolling back.</para></summary>
    [Parameter]
    public SwitchParameter NoRollback { get; set; }

    /// <summary><para type="description">Move the alias even though it no longer matches the deployment (changed outside it: AliasChanged), or route a rolled-back deployment again. Also takes over the deployment lock another deployer holds on the target (journaled as LockTakeover); without -Force a held lock refuses with DeploymentLocked, unless its holder's process is gone from this machine or its lease expired.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary><para type="description">Publish the outcome to this CloudWatch namespace (1-255 characters, not starting with AWS/), so an alarm can watch canaries: CanaryPromoted or CanaryRolledBack (1, Count) with dimensions FunctionName and Alias. A publish that fails is a warning and leaves the result as it is; -WhatIf publishes nothing.</para></summary>
    [Parameter]
    public string? MetricNamespace { get; set; }

    /// <summary><para type="description">How many piped deployments move and bake at the same time; the others wait their turn. Default 32.</para></summary>
    [Parameter]
    [ValidateRange(1, PipelineThrottle.MaxLimit)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    /// <summary>
    /// A bake is mostly waiting: each deployment polls its gates once per -PollInterval, so 32
    /// at once make about one call a second of each kind at the default interval, well under
    /// the account's quotas (DescribeAlarms 9 a second, the Lambda control plane 15) with room
    /// left for the alias moves and for other tools. A big fleet with long bakes can raise it
    /// and bake in the time of one.
    /// </summary>
    private const int DefaultThrottleLimit = 32;

    private PipelineThrottle? _throttle;

    /// <summary>Made with the first pipeline item, once -ThrottleLimit is bound.</summary>
    private PipelineThrottle Throttle => _throttle ??= new PipelineThrottle(ThrottleLimit);

    protected override void Begin()
    {
        RefuseBadCombinations(SetAliasWeightRules.All);
        _metricNamespace = OutcomeNamespace(MetricNamespace);
        Connect(Clients);
        _journal = OpenJournal();
    }

    protected override void ProcessRecord()
    {
        object target = DeploymentId ?? $"{FunctionName}:{AliasName}";
        if (!TryClientsFor(FunctionName, Clients, out var clients)) return;
        StartConcurrent(target, host =>
        {
            // Built now, before the item waits for a slot: the parameters are rebound for the next item.
            var request = new TrafficShiftRequest
            {
                DeploymentId = DeploymentId,
                FunctionName = FunctionName,
                AliasName = AliasName,
                Weight = Bound(nameof(Weight)) ? Weight : (double?)null,
                Promote = Promote,
                Steps = Steps,
                BakeTime = BakeTime,
                PollInterval = PollInterval,
                Alarms = Alarm ?? Array.Empty<string>(),
                MaxErrorRate = Bound(nameof(MaxErrorRate)) ? MaxErrorRate : (double?)null,
                MaxErrorRateIncrease = Bound(nameof(MaxErrorRateIncrease)) ? MaxErrorRateIncrease : (double?)null,
                MinInvocations = MinInvocations,
                HealthCheck = HealthScript != null ? new ScriptBlockHealthCheck(HealthScript, host) : null,
                Verdict = Verdict,
                FalseRollbackRate = Bound(nameof(FalseRollbackRate)) ? FalseRollbackRate : (double?)null,
                NoRollback = NoRollback,
                Force = Force,
            };
            var shifter = new TrafficShifter(clients.Lambda, clients.CloudWatch, new SecretRotationRunner(clients.Secrets, _journal!, host), _journal!, host);
            var outcomes = _metricNamespace != null ? new OutcomeMetrics(clients.CloudWatch, _metricNamespace, host) : null;
            return Throttle.RunAsync(async () =>
            {
                var deployment = await shifter.ShiftAsync(request).ConfigureAwait(false);
                if (outcomes != null) await outcomes.CanaryAsync(deployment).ConfigureAwait(false);
                return deployment;
            }, host.Cancellation);
        }, Deliver);
    }

    protected override void EndProcessing() => CompleteStarted();

    private static (ILambdaClient Lambda, ICloudWatchClient CloudWatch, ISecretsManagerClient Secrets) Clients(AwsConnectionOptions options, Action<string> verbose) =>
        (LambdaClient.Create(options, TimeProvider.System, verbose), CloudWatchClient.Create(options, TimeProvider.System, verbose),
            SecretsManagerClient.Create(options, TimeProvider.System, verbose));

    private bool Bound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

    private void Deliver(LambdaDeployment deployment)
    {
        switch (deployment.Status)
        {
            case DeploymentStatus.Canary:
            case DeploymentStatus.Promoted:
                WriteObject(deployment);
                break;
            case DeploymentStatus.RolledBack:
            case DeploymentStatus.Halted:
            case DeploymentStatus.Aborted:
                WriteError(ErrorRecords.Failure(deployment.Status == DeploymentStatus.RolledBack ? "CanaryRolledBack" : "CanaryHalted",
                    RunbookErrorCategory.InvalidResult, $"{deployment.FunctionName}:{deployment.AliasName}: {deployment.Message}", deployment));
                break;
        }
    }
}
