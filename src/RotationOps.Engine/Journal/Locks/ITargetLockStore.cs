using System;
using System.Threading.Tasks;

namespace RotationOps.Engine.Journal.Locks;

/// <summary>
/// Where deployment locks live. Each operation is one atomic compare-and-write, so two
/// deployers — threads, processes, or machines sharing the store — never both hold a target.
/// Lock writes take no cancellation: a lock half-taken or never released blocks the next deployer.
/// </summary>
public interface ITargetLockStore
{
    /// <summary>
    /// Writes <paramref name="wanted"/> unless another live holder has the target; returns the
    /// holder that was there before (null if none), and whether the lock is now ours.
    /// <paramref name="mayReplace"/> decides whether an existing holder may be replaced.
    /// </summary>
    Task<LockAttempt> TryAcquireAsync(TargetLease wanted, Func<TargetLease, bool> mayReplace);

    /// <summary>Moves ExpiresAt on if the lock is still held with this token; false if it was taken over.</summary>
    Task<bool> RenewAsync(TargetLease held);

    /// <summary>Gives the lock up if it is still held with this token.</summary>
    Task ReleaseAsync(TargetLease held);
}
