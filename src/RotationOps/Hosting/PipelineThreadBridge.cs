using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;

namespace RotationOps.Commands.Hosting;

/// <summary>
/// Carries work from engine threads to the one thread PowerShell lets write to the pipeline:
/// engine threads post actions (or ask questions and wait for the answer); the pipeline thread
/// runs them while it pumps. Knows nothing of PowerShell, so its threading is tested directly.
/// </summary>
internal sealed class PipelineThreadBridge
{
    private readonly BlockingCollection<Action> _inbox = new BlockingCollection<Action>();
    private readonly int _pipelineThreadId = Environment.CurrentManagedThreadId;
    private volatile bool _closed;

    /// <summary>True on the thread that created the bridge (the pipeline thread).</summary>
    public bool OnPipelineThreadNow => Environment.CurrentManagedThreadId == _pipelineThreadId;

    /// <summary>
    /// Starts <paramref name="work"/> here, so input checks before its first await run on the
    /// pipeline thread too; the engine's awaits continue on pool threads.
    /// </summary>
    public static Task<T> Start<T>(Func<Task<T>> work)
    {
        try
        {
            return work();
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    /// <summary>Runs posted actions on this (the pipeline) thread until <paramref name="until"/> completes.</summary>
    public void Pump(Task until)
    {
        until.ContinueWith(_ => _inbox.Add(() => { }), TaskScheduler.Default);
        while (!until.IsCompleted)
            _inbox.Take()();
        DrainPending();
    }

    /// <summary>Runs what is already queued, without waiting (between pipeline items of a fleet).</summary>
    public void DrainPending()
    {
        while (_inbox.TryTake(out var pending))
            pending();
    }

    /// <summary>
    /// After a terminating error or a stopped pipeline PowerShell takes nothing more from the
    /// command, yet engine work still winds down (journals, leaves aliases consistent) and may
    /// post or ask meanwhile. From now on posts are dropped and questions answered by
    /// cancellation, so the pipeline thread can keep pumping until that work has finished
    /// without ever calling into PowerShell again.
    /// </summary>
    public void Close() => _closed = true;

    /// <summary>Runs <paramref name="action"/> on the pipeline thread, without waiting for it.</summary>
    public void Post(Action action)
    {
        if (_closed) return;
        if (OnPipelineThreadNow) action();
        else _inbox.Add(() =>
        {
            if (!_closed) action();
        });
    }

    /// <summary>Calls <paramref name="question"/> on the pipeline thread and waits for its answer.</summary>
    public T Ask<T>(Func<T> question)
    {
        if (_closed) throw new OperationCanceledException("The command has stopped; nothing more is asked of PowerShell.");
        if (OnPipelineThreadNow) return question();
        var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _inbox.Add(() =>
        {
            if (_closed)
            {
                answer.SetCanceled();
                return;
            }
            try
            {
                answer.SetResult(question());
            }
            catch (Exception ex)
            {
                answer.SetException(ex);
            }
        });
        return answer.Task.GetAwaiter().GetResult();
    }
}
