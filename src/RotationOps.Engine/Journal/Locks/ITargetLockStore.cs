namespace RotationOps.Engine.Journal.Locks
{
    /// <summary>
    /// Where deployment locks live. Each operation is one atomic compare-and-write, so two
    /// deployers — threads, processes, or machines sharing the store — never both hold a target.
    /// </summary>
    public interface ITargetLockStore
    {
        /// <summary>
        /// Writes <paramref name="wanted"/> unless another live holder has the target; returns the
        /// holder that was there before (null if none), and whether the lock is now ours.
        /// <paramref name="mayReplace"/> decides whether an existing holder may be replaced.
        /// </summary>
        LockAttempt TryAcquire(TargetLease wanted, System.Func<TargetLease, bool> mayReplace);

        /// <summary>Moves ExpiresAt on if the lock is still held with this token; false if it was taken over.</summary>
        bool Renew(TargetLease held);

        /// <summary>Gives the lock up if it is still held with this token.</summary>
        void Release(TargetLease held);
    }
}
