namespace RotationOps.Engine.Journal.Locks;

/// <summary>The outcome of one acquisition: whether the lock is ours, and who held it before.</summary>
public sealed class LockAttempt
{
    public LockAttempt(bool acquired, TargetLease? previous)
    {
        Acquired = acquired;
        Previous = previous;
    }

    public bool Acquired { get; }

    /// <summary>The holder found in the store: the one who refused us, or the one we replaced.</summary>
    public TargetLease? Previous { get; }
}
