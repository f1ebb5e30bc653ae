using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Commands.Hosting;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Outcomes;

namespace RotationOps.Commands;

/// <summary>
/// The parameters every RotationOps cmdlet shares (-Region, -ProfileName, -EndpointUrl,
/// -Credential, -CallTimeout), Ctrl+C wiring, and the bridge that runs engine work for one pipeline item.
/// </summary>
public abstract class AwsCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

    /// <summary>
    /// <para type="description">The AWS Region, e.g. eu-west-1. Default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region. Binds by property name from each piped item (a CSV's Region column, a RotationOps result), so one pipeline can span regions; a function or secret named by a full ARN is called in the ARN's region.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateAwsIdentifier(AwsIdentifierKind.Region)]
    public string? Region { get; set; }

    /// <summary>
    /// <para type="description">A named profile from the shared AWS config/credentials files (SSO and assume-role profiles work). A profile that does not exist is an error. Binds by property name from each piped item (a CSV's ProfileName column, a RotationOps result), so one pipeline can span accounts; an item whose ProfileName is empty uses the command's.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Profile")]
    public string? ProfileName { get; set; }

    /// <summary>
    /// <para type="description">Send every AWS call to this endpoint instead (a RotationOps Sandbox, LocalStack, a VPC endpoint). Wins over AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_&lt;SERVICE&gt;.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndpointUrl { get; set; }

    /// <summary>
    /// <para type="description">AWS keys to call with: the access key id as user name, the secret access key as password.</para>
    /// </summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>
    /// <para type="description">How long one AWS call may go unanswered before it counts as lost, like the AWS CLI's --cli-read-timeout: a read is retried, a change is retried only where that is safe and otherwise read back to learn whether it was made. Between 1 second and 15 minutes; default 30 seconds. Raise it on a slow link or proxy; lower it to notice a dead connection sooner.</para>
    /// </summary>
    [Parameter]
    public TimeSpan CallTimeout { get; set; } = AwsConnectionOptions.DefaultCallTimeout;

    private readonly List<Task> _started = new List<Task>();
    private readonly Dictionary<ItemConnection, object> _clients = new Dictionary<ItemConnection, object>();
    private string? _commandRegion;
    private string? _commandProfile;
    private PipelineHost? _host;
    private AwsConnectionOptions? _options;

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>The command's start, before its first pipeline item: checks, clients, the journal.</summary>
    protected abstract void Begin();

    /// <summary>
    /// The command's first call into the engine is in <see cref="Begin"/>, so an engine dependency
    /// that cannot load surfaces there: it ends the command as DependencyLoadFailed, naming the
    /// assembly and what to do. This method itself touches no engine type.
    /// </summary>
    protected sealed override void BeginProcessing()
    {
        // Before the first item binds its own: these are the command line's.
        _commandRegion = Region;
        _commandProfile = ProfileName;
        if (ProfileName != null && ProfileName.Trim().Length == 0)
            ThrowTerminatingError(ErrorRecords.From(RunbookException.InvalidParameter(nameof(ProfileName),
                "give a profile from 'aws configure list-profiles', or leave -ProfileName out for the default chain."), ProfileName));
        try
        {
            Begin();
        }
        catch (Exception ex) when (DependencyLoadFailure.Matches(ex))
        {
            ThrowTerminatingError(DependencyLoadFailure.Record(ex));
        }
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>The common parameters as engine options; bad values stop the command before any AWS call.</summary>
    private AwsConnectionOptions ConnectionOptions()
    {
        try
        {
            return ConnectionParameters.ToOptions(_commandRegion, _commandProfile, EndpointUrl, Credential, CallTimeout);
        }
        catch (RunbookException bad)
        {
            ThrowTerminatingError(ErrorRecords.From(bad, bad.ParameterName == nameof(CallTimeout) ? CallTimeout : EndpointUrl));
            throw; // unreachable: ThrowTerminatingError always throws
        }
    }

    /// <summary>
    /// The parameters given, by name. A switch set to $false counts as not given, so a script can
    /// pass -Promote:$promote whatever its mode.
    /// </summary>
    private protected IEnumerable<string> GivenParameters() =>
        MyInvocation.BoundParameters.Where(p => !(p.Value is SwitchParameter s && !s.IsPresent)).Select(p => p.Key);

    /// <summary>
    /// Refuses parameters given together that do not go together, as a terminating error before
    /// any client is made. The parameter sets let such combinations bind (see each command's
    /// rules) so they reach this check instead of PowerShell's generic AmbiguousParameterSet.
    /// </summary>
    private protected void RefuseBadCombinations(IEnumerable<ParameterRule> rules)
    {
        try
        {
            ParameterRule.Check(GivenParameters(), rules);
        }
        catch (RunbookException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, null));
        }
    }

    /// <summary>
    /// -MetricNamespace checked before any AWS call (a bad one is a terminating error naming it);
    /// null when it was not given, or under -WhatIf, which publishes nothing.
    /// </summary>
    private protected string? OutcomeNamespace(string? metricNamespace)
    {
        if (!MyInvocation.BoundParameters.ContainsKey("MetricNamespace")) return null;
        try
        {
            OutcomeMetrics.ValidateNamespace(metricNamespace);
        }
        catch (RunbookException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, null));
        }
        bool whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? given)
            ? ((SwitchParameter)given).IsPresent
            : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));
        return whatIf ? null : metricNamespace;
    }

    /// <summary>
    /// Makes the command's clients for its own -Region and -ProfileName before the first item, so
    /// settings that cannot work stop the command before any change. When items come down the
    /// pipeline and -Region was not typed, a missing default region is left to the items: each may
    /// bring one (a CSV column, an ARN), and one that does not gets the error.
    /// </summary>
    private protected void Connect<T>(Func<AwsConnectionOptions, Action<string>, T> connect)
    {
        try
        {
            ClientsAt(new ItemConnection(null, null), connect);
        }
        catch (AwsConfigurationException ex) when (ex.ParameterName == nameof(Region) && MyInvocation.ExpectingInput && _commandRegion == null)
        {
        }
        catch (Exception ex) when (ex is AwsConfigurationException || ex is RunbookException)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, null));
        }
    }

    /// <summary>
    /// The clients for the current pipeline item, named by <paramref name="identifier"/>: its own
    /// -Region and -ProfileName, else the ARN's region, else the command's. Made once per
    /// (profile, region) and kept for the command, so a fleet over three regions makes three sets.
    /// A setting that cannot work is written as this item's error and the item is skipped.
    /// </summary>
    private protected bool TryClientsFor<T>(string? identifier, Func<AwsConnectionOptions, Action<string>, T> connect, out T clients)
    {
        try
        {
            clients = ClientsAt(ItemConnection.Of(identifier, Region, ProfileName, _commandRegion, _commandProfile), connect);
            return true;
        }
        catch (Exception ex) when (ex is AwsConfigurationException || ex is RunbookException)
        {
            WriteError(ErrorRecords.From(ex, identifier));
            clients = default!;
            return false;
        }
    }

    private T ClientsAt<T>(ItemConnection at, Func<AwsConnectionOptions, Action<string>, T> connect)
    {
        _ = EngineHost; // made here, on the pipeline thread, so the client's first verbose line has a way out
        if (!_clients.TryGetValue(at, out object? made))
        {
            made = connect(Connection.At(at.Region, at.ProfileName), WriteVerboseFromAnyThread)!;
            _clients.Add(at, made);
        }
        return (T)made;
    }

    /// <summary>
    /// Runs engine work the whole command needs before its first item (opening the journal),
    /// serving the pipeline thread meanwhile; a failure ends the command as a terminating error.
    /// </summary>
    private protected T RunOnce<T>(Func<PipelineHost, Task<T>> work)
    {
        var task = PipelineThreadBridge.Start(() => work(EngineHost));
        Serve(() => EngineHost.Bridge.Pump(task), task);
        if (task.Status == TaskStatus.RanToCompletion) return task.Result;
        Exception error = FailureOf(task);
        ThrowTerminatingError(ErrorRecords.From(error, null));
        throw error; // unreachable: ThrowTerminatingError always throws
    }

    /// <summary>The connection parameters as engine options, parsed once per command.</summary>
    private protected AwsConnectionOptions Connection => _options ??= ConnectionOptions();

    /// <summary>The bridge to the pipeline thread, made on first use (always on the pipeline thread).</summary>
    private protected PipelineHost EngineHost => _host ??= new PipelineHost(this, _stopping.Token);

    /// <summary>
    /// Runs engine work for one pipeline item to the end. A failure is written as a
    /// non-terminating error so a fleet run goes on past one bad item; Ctrl+C ends the pipeline.
    /// </summary>
    private protected bool TryRun<T>(object target, Func<PipelineHost, Task<T>> work, out T result)
    {
        var task = PipelineThreadBridge.Start(() => work(EngineHost));
        Serve(() => EngineHost.Bridge.Pump(task), task);
        return Collect(task, target, out result);
    }

    /// <summary>
    /// Starts engine work for one pipeline item and returns at once, so many items run
    /// concurrently (200 functions bake in the time of one). <paramref name="deliver"/> gets the
    /// result on the pipeline thread; <see cref="CompleteStarted"/> waits for them all.
    /// </summary>
    private protected void StartConcurrent<T>(object target, Func<PipelineHost, Task<T>> work, Action<T> deliver)
    {
        var host = EngineHost;
        var task = PipelineThreadBridge.Start(() => work(host));
        var delivered = task.ContinueWith(t => host.Bridge.Post(() =>
        {
            if (Collect(t, target, out var result)) deliver(result);
        }), TaskScheduler.Default);
        _started.Add(delivered);
        Serve(host.Bridge.DrainPending);
    }

    /// <summary>Serves every started item until all have delivered (call from EndProcessing).</summary>
    private protected void CompleteStarted()
    {
        if (_started.Count == 0) return;
        Serve(() => EngineHost.Bridge.Pump(Task.WhenAll(_started)));
    }

    /// <summary>
    /// Serves engine work on the pipeline thread with <paramref name="pump"/>. When that throws —
    /// a WriteError under -ErrorAction Stop, a downstream command ending the pipeline, Ctrl+C —
    /// the command is over, but other items may still be mid-bake: they are cancelled the way
    /// Ctrl+C cancels them, and the bridge (now closed to PowerShell) is pumped until every one
    /// has wound down, so each has journaled where it stopped and left its alias consistent, and
    /// nothing changes after control returns to the caller. Then the exception goes on.
    /// </summary>
    private void Serve(Action pump, Task? current = null)
    {
        try
        {
            pump();
        }
        catch
        {
            _stopping.Cancel();
            var bridge = EngineHost.Bridge;
            bridge.Close();
            var running = new List<Task>(_started);
            if (current != null) running.Add(current);
            bridge.Pump(Task.WhenAll(running));
            throw;
        }
    }

    private bool Collect<T>(Task<T> task, object target, out T result)
    {
        result = default!;
        if (task.Status == TaskStatus.RanToCompletion)
        {
            result = task.Result;
            return true;
        }
        WriteError(ErrorRecords.From(FailureOf(task), target));
        return false;
    }

    /// <summary>Why engine work ended without a result; Ctrl+C ends the pipeline instead of reporting an error.</summary>
    private Exception FailureOf(Task task)
    {
        Exception error = task.Exception?.GetBaseException() ?? new OperationCanceledException();
        if (error is OperationCanceledException && _stopping.IsCancellationRequested) throw new PipelineStoppedException();
        return error;
    }

    /// <summary>AWS client verbose lines come from worker threads; route them through the live host.</summary>
    private protected void WriteVerboseFromAnyThread(string message) => _host?.WriteVerbose(message);
}
