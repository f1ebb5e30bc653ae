using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RotationOps.Engine.Hosting;

namespace RotationOps.Scenarios.Tests.Infrastructure;

/// <summary>
/// The engine's host in tests: records everything the engine would show a user (verbose,
/// warnings, progress, ShouldProcess prompts) so tests can assert on it and scan it for leaks.
/// </summary>
public sealed class RecordingHost : IRunbookHost
{
    private readonly ConcurrentQueue<string> _verbose = new ConcurrentQueue<string>();
    private readonly ConcurrentQueue<string> _warnings = new ConcurrentQueue<string>();
    private readonly ConcurrentQueue<ProgressUpdate> _progress = new ConcurrentQueue<ProgressUpdate>();
    private readonly ConcurrentQueue<string> _prompts = new ConcurrentQueue<string>();

    public RecordingHost(TimeProvider time, CancellationToken cancellation = default)
    {
        Time = time;
        Cancellation = cancellation;
    }

    public CancellationToken Cancellation { get; }
    public TimeProvider Time { get; }

    /// <summary>What ShouldProcess answers: false acts like -WhatIf.</summary>
    public bool Approve { get; set; } = true;

    public IReadOnlyList<string> Verbose => _verbose.ToList();
    public IReadOnlyList<string> Warnings => _warnings.ToList();
    public IReadOnlyList<ProgressUpdate> Progress => _progress.ToList();
    /// <summary>"target: action" for every ShouldProcess question.</summary>
    public IReadOnlyList<string> Prompts => _prompts.ToList();

    /// <summary>Every line of text the engine produced, for leak scans.</summary>
    public IEnumerable<string> AllText =>
        Verbose.Concat(Warnings).Concat(Prompts).Concat(Progress.Select(p => p.Activity + " " + p.Status));

    public void WriteVerbose(string message) => _verbose.Enqueue(message);
    public void WriteWarning(string message) => _warnings.Enqueue(message);
    public void WriteProgress(ProgressUpdate update)
    {
        _progress.Enqueue(update);
        ProgressWritten?.Invoke(update);
    }

    /// <summary>Called with each progress record as it is written: a test's way to act at a point of a long wait.</summary>
    public Action<ProgressUpdate>? ProgressWritten { get; set; }

    public bool ShouldProcess(string target, string action)
    {
        _prompts.Enqueue($"{target}: {action}");
        return Approve;
    }
}
