using System;
using System.Management.Automation;
using RotationOps.Commands.Hosting;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Canary;
using RotationOps.Engine.CloudWatch;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Lambda;
using RotationOps.Engine.Outcomes;
using RotationOps.Engine.SecretsManager;

namespace RotationOps.Commands;

/// <summary>
/// <para type="synopsis">Puts an alias back on one version, or a secret's AWSCURRENT back on an earlier version.</para>
/// <para type="description">Takes a deployment or rotation (piped, or -DeploymentId from the journal), or -FunctionName/-AliasName [-ToVersion], or -SecretId [-ToVersionId]. An alias goes back to the deployment's stable version with routing cleared; a staged secret of a canary is discarded; a finished rotation has AWSCURRENT moved back to AWSPREVIOUS (the label only: a password changed in the database must be set back there). RevisionId-guarded: a change made since is not overwritten unless -Force.</para>
/// </summary>
/// <example>
/// <code>
/// Undo-Deployment -FunctionName orders-api -AliasName LIVE
/// </code>
/// <para>Emergency rollback: the alias goes back to its recorded stable version with routing cleared.</para>
/// </example>
/// <example>
/// <code>
/// Undo-Deployment -DeploymentId dep-20261122T0930Z-1a2b3c4d -JournalTable rotationops-journal -Confirm:$false
/// </code>
/// <para>Undoes, without a prompt, a deployment or rotation a CI runner started: the team's shared journal table knows it, wherever it ran. Without -JournalTable (or $env:ROTATIONOPS_JOURNAL_TABLE), this machine's journal is read.</para>
/// </example>
/// <example>
/// <code>
/// $rotation = Invoke-SecretRotation -SecretId prod/orders/db
/// $rotation | Undo-Deployment
/// </code>
/// <para>Moves AWSCURRENT back to the version before the rotation (the label only: a password changed in the database must be set back there).</para>
/// </example>
/// <example>
/// <code>
/// Undo-Deployment -SecretId prod/orders/db -ToVersionId 3f1c0a9e-7d2b-4c55-9a1e-0b6f2d8e4c71 -WhatIf
/// </code>
/// <para>Shows which label moves would put AWSCURRENT back on a chosen version, changing nothing.</para>
/// </example>
[Cmdlet(VerbsCommon.Undo, "Deployment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = DeploymentSet, HelpUri = HelpLinks.LambdaCanaries)]
[OutputType(typeof(RollbackResult))]
public sealed class UndoDeploymentCommand : JournaledCmdlet
{
    // One set per target, its identifying parameters mandatory, so a command naming no target
    // prompts for -DeploymentId and one naming half an alias prompts for the other half. The Alias
    // and Secret sets also take another target's parameters, hidden (DontShow keeps them out of
    // help and completion) and never from the pipeline: not because they work together, but so
    // that a command naming two targets binds and reaches UndoDeploymentRules, which says why they
    // clash, instead of PowerShell's AmbiguousParameterSet. Each valid form binds as before: a
    // target's parameters given alone leave either the default set among the candidates or one
    // set whose mandatory parameters are all given (-SecretId alone: Secret, not Alias).
    private const string DeploymentSet = "Deployment";
    private const string AliasSet = "Alias";
    private const string SecretSet = "Secret";

    private DeploymentJournal? _journal;
    private string? _metricNamespace;

    /// <summary><para type="description">A deployment or rotation in the journal. Bound from piped deployments and rotations.</para></summary>
    [Parameter(Mandatory = true, ParameterSetName = DeploymentSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = AliasSet, DontShow = true)]
    [Parameter(ParameterSetName = SecretSet, DontShow = true)]
    [ValidateNotNullOrEmpty]
    public string DeploymentId { get; set; } = "";

    /// <summary><para type="description">The function whose alias to restore.</para></summary>
    [Parameter(Mandatory = true, ParameterSetName = AliasSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateAwsIdentifier(AwsIdentifierKind.FunctionName)]
    [ArgumentCompleter(typeof(Completion.FunctionNameCompleter))]
    public string FunctionName { get; set; } = "";

    /// <summary><para type="description">The alias to restore.</para></summary>
    [Parameter(Mandatory = true, ParameterSetName = AliasSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateAwsIdentifier(AwsIdentifierKind.AliasName)]
    [ArgumentCompleter(typeof(Completion.AliasNameCompleter))]
    public string AliasName { get; set; } = "";

    /// <summary><para type="description">The version the alias goes back to. Default: the alias's main (stable) version, routing cleared.</para></summary>
    [Parameter(ParameterSetName = AliasSet)]
    [Parameter(ParameterSetName = DeploymentSet)]
    [Parameter(ParameterSetName = SecretSet, DontShow = true)]
    [ValidateNotNullOrEmpty]
    [ValidateAwsIdentifier(AwsIdentifierKind.FunctionVersion)]
    [ArgumentCompleter(typeof(Completion.FunctionVersionCompleter))]
    public string? ToVersion { get; set; }

    /// <summary><para type="description">The secret whose AWSCURRENT goes back.</para></summary>
    [Parameter(Mandatory = true, ParameterSetName = SecretSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = AliasSet, DontShow = true)]
    [ValidateNotNullOrEmpty]
    [ValidateAwsIdentifier(AwsIdentifierKind.SecretId)]
    [ArgumentCompleter(typeof(Completion.SecretIdCompleter))]
    public string SecretId { get; set; } = "";

    /// <summary><para type="description">The version AWSCURRENT goes back to. Default: AWSPREVIOUS.</para></summary>
    [Parameter(ParameterSetName = SecretSet)]
    [Parameter(ParameterSetName = DeploymentSet)]
    [Parameter(ParameterSetName = AliasSet, DontShow = true)]
    [ValidateNotNullOrEmpty]
    [ValidateAwsIdentifier(AwsIdentifierKind.SecretVersionId)]
    [ArgumentCompleter(typeof(Completion.SecretVersionIdCompleter))]
    public string? ToVersionId { get; set; }

    /// <summary><para type="description">Skip the guard against changes made since (RevisionId / AWSCURRENT moved), and undo a deployment that a later one on the same alias followed (DeploymentSuperseded). An alias undo always takes the alias's deployment lock, -Force or not: it is the emergency bypass, and a bake still running elsewhere stops at its next poll.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary><para type="description">Publish the outcome to this CloudWatch namespace (1-255 characters, not starting with AWS/): an alias put back publishes CanaryRolledBack (1, Count) with dimensions FunctionName and Alias, as Set-AliasWeight does for a rollback. A publish that fails is a warning and leaves the result as it is; -WhatIf publishes nothing.</para></summary>
    [Parameter]
    public string? MetricNamespace { get; set; }

    protected override void Begin()
    {
        RefuseBadCombinations(UndoDeploymentRules.All);
        _metricNamespace = OutcomeNamespace(MetricNamespace);
        Connect(Clients);
        _journal = OpenJournal();
    }

    private static (ILambdaClient Lambda, ISecretsManagerClient Secrets, ICloudWatchClient CloudWatch) Clients(AwsConnectionOptions options, Action<string> verbose) =>
        (LambdaClient.Create(options, TimeProvider.System, verbose), SecretsManagerClient.Create(options, TimeProvider.System, verbose),
            CloudWatchClient.Create(options, TimeProvider.System, verbose));

    protected override void ProcessRecord()
    {
        var request = new UndoRequest { ToVersion = ToVersion, ToVersionId = ToVersionId, Force = Force };
        switch (ParameterSetName)
        {
            case DeploymentSet: request.DeploymentId = DeploymentId; break;
            case AliasSet: request.FunctionName = FunctionName; request.AliasName = AliasName; break;
            default: request.SecretId = SecretId; break;
        }
        object target = ParameterSetName == DeploymentSet ? DeploymentId : ParameterSetName == AliasSet ? $"{FunctionName}:{AliasName}" : SecretId;
        string? identifier = ParameterSetName == AliasSet ? FunctionName : ParameterSetName == SecretSet ? SecretId : null;
        if (!TryClientsFor(identifier, Clients, out var clients)) return;
        if (!TryRun(target, async host =>
            {
                var undone = await new DeploymentUndo(clients.Lambda, clients.Secrets, _journal!, host).UndoAsync(request).ConfigureAwait(false);
                if (_metricNamespace != null) await new OutcomeMetrics(clients.CloudWatch, _metricNamespace, host).RollbackAsync(undone).ConfigureAwait(false);
                return undone;
            }, out RollbackResult result)) return;
        if (result.Status == RollbackStatus.Completed) WriteObject(result);
        else if (!MyInvocation.BoundParameters.ContainsKey("WhatIf")) WriteWarning(result.Message);
    }
}
