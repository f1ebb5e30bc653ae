using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Hosting;

namespace RotationOps.Commands.Hosting
{
    /// <summary>
    /// Runs engine work off the pipeline thread and carries everything it says back to it:
    /// WriteObject, WriteVerbose, WriteProgress, ShouldProcess and script blocks may only be
    /// called on the thread that runs ProcessRecord, so the engine posts them here and
    /// <see cref="Pump"/> executes them there while it waits. One host serves one command
    /// invocation, so concurrent items (a fleet bake) share it.
    /// </summary>
    internal sealed class PipelineHost : IRunbookHost
    {
        private readonly PSCmdlet _cmdlet;
        private readonly BlockingCollection<Action> _inbox = new BlockingCollection<Action>();
        private readonly int _pipelineThreadId = Environment.CurrentManagedThreadId;

        /// <summary>Create on the pipeline thread (BeginProcessing or ProcessRecord).</summary>
        public PipelineHost(PSCmdlet cmdlet, CancellationToken cancellation)
        {
            _cmdlet = cmdlet;
            Cancellation = cancellation;
        }

        public CancellationToken Cancellation { get; }

        public TimeProvider Time => TimeProvider.System;

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

        /// <summary>Serves the engine's requests on this (the pipeline) thread until <paramref name="until"/> completes.</summary>
        public void Pump(Task until)
        {
            until.ContinueWith(_ => _inbox.Add(() => { }), TaskScheduler.Default);
            while (!until.IsCompleted)
                _inbox.Take()();
            DrainPending();
        }

        /// <summary>Serves what is already queued, without waiting (between pipeline items of a fleet).</summary>
        public void DrainPending()
        {
            while (_inbox.TryTake(out var pending))
                pending();
        }

        /// <summary>Calls <paramref name="action"/> on the pipeline thread and waits for its answer.</summary>
        public T OnPipelineThread<T>(Func<T> action)
        {
            if (Environment.CurrentManagedThreadId == _pipelineThreadId) return action();
            var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _inbox.Add(() =>
            {
                try
                {
                    answer.SetResult(action());
                }
                catch (Exception ex)
                {
                    answer.SetException(ex);
                }
            });
            return answer.Task.GetAwaiter().GetResult();
        }

        /// <summary>Runs <paramref name="action"/> on the pipeline thread, without waiting for it.</summary>
        public void Post(Action action)
        {
            if (Environment.CurrentManagedThreadId == _pipelineThreadId) action();
            else _inbox.Add(action);
        }

        public void WriteVerbose(string message) => Post(() => _cmdlet.WriteVerbose(message));

        public void WriteWarning(string message) => Post(() => _cmdlet.WriteWarning(message));

        public void WriteProgress(ProgressUpdate update) => Post(() =>
        {
            var record = new ProgressRecord(update.ActivityId, update.Activity, update.Status)
            {
                PercentComplete = Math.Min(update.PercentComplete, 100),
                SecondsRemaining = update.SecondsRemaining,
                RecordType = update.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
            _cmdlet.WriteProgress(record);
        });

        public bool ShouldProcess(string target, string action) => OnPipelineThread(() => _cmdlet.ShouldProcess(target, action));
    }
}
