using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;

namespace RotationOps.Commands.Hosting
{
    /// <summary>
    /// Carries work from engine threads to the one thread PowerShell lets write to the pipeline:
    /// engine threads post actions (or ask questions and wait for the answer); the pipeline thread
    /// runs them while it pumps. Knows nothing of PowerShell, so its threading is tested directly.
    /// </summary>
    internal sealed class PipelineThreadBridge
    {
        private readonly BlockingCollection<Action> _inbox = new BlockingCollection<Action>();
        private readonly int _pipelineThreadId = Environment.CurrentManagedThreadId;

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

        /// <summary>Runs <paramref name="action"/> on the pipeline thread, without waiting for it.</summary>
        public void Post(Action action)
        {
            if (OnPipelineThreadNow) action();
            else _inbox.Add(action);
        }

        /// <summary>Calls <paramref name="question"/> on the pipeline thread and waits for its answer.</summary>
        public T Ask<T>(Func<T> question)
        {
            if (OnPipelineThreadNow) return question();
            var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _inbox.Add(() =>
            {
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
}
