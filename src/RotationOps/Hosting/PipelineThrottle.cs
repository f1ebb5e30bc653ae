using System;
using System.Threading;
using System.Threading.Tasks;

namespace RotationOps.Commands.Hosting;

/// <summary>
/// What -ThrottleLimit does for every cmdlet that works on piped items concurrently: at most
/// that many items do engine work at once, the rest wait their turn. Each item is still started
/// as it arrives, so it captures its parameters and checks its input on the pipeline thread;
/// only its engine work waits here, before any AWS call, so a waiting item changes nothing and
/// Ctrl+C simply stops it waiting.
/// </summary>
internal sealed class PipelineThrottle
{
    /// <summary>
    /// The highest -ThrottleLimit accepted, for [ValidateRange]: room for any fleet of the few
    /// hundred functions or secrets this module is meant for, while a slip of an extra digit is
    /// refused rather than opening thousands of AWS conversations at once.
    /// </summary>
    public const int MaxLimit = 1000;

    private readonly SemaphoreSlim _slots;

    public PipelineThrottle(int limit) => _slots = new SemaphoreSlim(limit, limit);

    /// <summary>Runs <paramref name="work"/> once a slot is free, and frees the slot when it ends.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellation)
    {
        await _slots.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }
}
