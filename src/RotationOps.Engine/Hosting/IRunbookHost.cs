using System;
using System.Threading;

namespace RotationOps.Engine.Hosting;

/// <summary>
/// How the engine talks back to whoever runs it: a cmdlet (which marshals every call onto the
/// pipeline thread) or a test. The engine never touches PowerShell directly.
/// </summary>
public interface IRunbookHost
{
    /// <summary>Cancelled by Ctrl+C (StopProcessing) or a test.</summary>
    CancellationToken Cancellation { get; }

    /// <summary>All waiting goes through this clock, so tests can run a 30-minute wait in milliseconds.</summary>
    TimeProvider Time { get; }

    /// <summary>A line for -Verbose. Never pass a secret value.</summary>
    void WriteVerbose(string message);

    void WriteWarning(string message);

    void WriteProgress(ProgressUpdate update);

    /// <summary>Asks before one AWS change; false under -WhatIf or when the user declines.</summary>
    bool ShouldProcess(string target, string action);
}
