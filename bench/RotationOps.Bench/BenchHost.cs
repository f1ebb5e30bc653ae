using System;
using System.Threading;
using RotationOps.Engine.Hosting;

namespace RotationOps.Bench;

/// <summary>
/// The engine's host for a bench: every change approved, nothing shown (hundreds of concurrent runs
/// would drown the figures), and all waiting on the Sandbox's clock so bakes cost no real time.
/// </summary>
internal sealed class BenchHost(TimeProvider time) : IRunbookHost
{
    public CancellationToken Cancellation => CancellationToken.None;

    public TimeProvider Time { get; } = time;

    public void WriteVerbose(string message)
    {
    }

    public void WriteWarning(string message)
    {
    }

    public void WriteProgress(ProgressUpdate update)
    {
    }

    public bool ShouldProcess(string target, string action) => true;
}
