using System;
using System.Management.Automation;
using System.Threading;
using RotationOps.Engine.Hosting;

namespace RotationOps.Commands.Hosting;

/// <summary>
/// The engine's host inside a cmdlet: every call the engine makes (verbose, warning, progress,
/// ShouldProcess, script blocks) reaches the cmdlet through the <see cref="Bridge"/>, because
/// PowerShell accepts them only on the pipeline thread. One host serves one command invocation,
/// so concurrent items (a fleet bake) share it.
/// </summary>
internal sealed class PipelineHost : IRunbookHost
{
    private readonly PSCmdlet _cmdlet;

    /// <summary>Create on the pipeline thread (BeginProcessing or ProcessRecord).</summary>
    public PipelineHost(PSCmdlet cmdlet, CancellationToken cancellation)
    {
        _cmdlet = cmdlet;
        Cancellation = cancellation;
    }

    public PipelineThreadBridge Bridge { get; } = new PipelineThreadBridge();

    public CancellationToken Cancellation { get; }

    public TimeProvider Time => TimeProvider.System;

    public void WriteVerbose(string message) => Bridge.Post(() => _cmdlet.WriteVerbose(message));

    public void WriteWarning(string message) => Bridge.Post(() => _cmdlet.WriteWarning(message));

    public void WriteProgress(ProgressUpdate update) => Bridge.Post(() =>
    {
        var record = new ProgressRecord(update.ActivityId, update.Activity, update.Status)
        {
            PercentComplete = Math.Min(update.PercentComplete, 100),
            SecondsRemaining = update.SecondsRemaining,
            RecordType = update.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
        _cmdlet.WriteProgress(record);
    });

    public bool ShouldProcess(string target, string action) => Bridge.Ask(() => _cmdlet.ShouldProcess(target, action));
}
