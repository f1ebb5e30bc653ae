using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Journal.Locks;

namespace RotationOps.Engine.Journal.Stores;

/// <summary>
/// Where the journal lives: a JSON-lines file on this machine, or a DynamoDB table that CI
/// runners and operators share. Append-only: entries are never changed or removed, so two
/// writers cannot lose each other's transitions, and the deployment locks live beside them.
/// </summary>
public interface IJournalStore
{
    /// <summary>Where, for messages: the file's path, or the table and its region.</summary>
    string Location { get; }

    ITargetLockStore Locks { get; }

    /// <summary>
    /// Records one entry durably. Takes no cancellation: the entry saying where a cancelled
    /// deployment stopped is the one that must be written.
    /// </summary>
    Task AppendAsync(JournalEntry entry);

    /// <summary>
    /// The journal's own random key for fingerprints of environment values: made once, the first
    /// time it is asked for, and the same for every machine using this journal.
    /// </summary>
    Task<byte[]> FingerprintKeyAsync();

    /// <summary>Every entry of one deployment or rotation, in the order written.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadDeploymentAsync(string deploymentId, CancellationToken cancellationToken);

    /// <summary>
    /// The entries about <paramref name="target"/> of the <paramref name="recentDeployments"/>
    /// deployments that most recently started on it, oldest deployment first, each in written order.
    /// </summary>
    Task<IReadOnlyList<JournalEntry>> ReadTargetAsync(string target, int recentDeployments, CancellationToken cancellationToken);
}
