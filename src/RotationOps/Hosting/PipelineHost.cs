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
    /// WriteVerbose, WriteProgress, ShouldProcess and script blocks may only be called on the
    /// thread that runs ProcessRecord, so the engine posts them here and <see cref="Run{T}"/>
    /// executes them there while it waits.
    /// </summary>
    internal sealed class PipelineHost : IRunbookHost
    {
        private readonly PSCmdlet _cmdlet;
        private readonly BlockingCollection<Action> _inbox = new BlockingCollection<Action>();
        private readonly int _pipelineThreadId = Environment.CurrentManagedThreadId;

        public PipelineHost(PSCmdlet cmdlet, CancellationToken cancellation)
        {
            _cmdlet = cmdlet;
            Cancellation = cancellation;
        }

        public CancellationToken Cancellation { get; }

        public TimeProvider Time => TimeProvider.System;

        /// <summary>
        /// Runs <paramref name="work"/> to the end, serving its requests on this (the pipeline)
        /// thread. The work starts here, so input checks before its first await run on the pipeline
        /// thread too; the engine's awaits continue on pool threads.
        /// </summary>
        public T Run<T>(Func<Task<T>> work)
        {
            Task<T> task;
            try
            {
                task = work();
            }
            catch (Exception ex)
            {
                task = Task.FromException<T>(ex);
            }
            task.ContinueWith(_ => _inbox.Add(() => { }), TaskScheduler.Default);
            while (!task.IsCompleted)
                _inbox.Take()();
            while (_inbox.TryTake(out var pending))
                pending();
            return task.GetAwaiter().GetResult();
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

        private void Post(Action action)
        {
            if (Environment.CurrentManagedThreadId == _pipelineThreadId) action();
            else _inbox.Add(action);
        }
    }
}
