using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Journal.Locks;
using RotationOps.Engine.Journal.Stores;

namespace RotationOps.Engine.Journal;

/// <summary>
/// The record of every mutation and milestone, kept in an <see cref="IJournalStore"/>: this
/// machine's file by default, or a DynamoDB table shared by a team and its CI runners.
/// Undo, resume and the "what is in flight" checks read it.
/// </summary>
public sealed class DeploymentJournal
{
    /// <summary>Names the shared journal table when -JournalTable is not given.</summary>
    public const string TableVariable = "ROTATIONOPS_JOURNAL_TABLE";

    private readonly IJournalStore _store;
    private readonly TimeProvider _time;

    public DeploymentJournal(IJournalStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <summary>Where the journal is, for messages: a file path, or a table and its region.</summary>
    public string Location => _store.Location;

    /// <summary>Deployment locks kept beside the journal, so every process using it shares them.</summary>
    public ITargetLockStore Locks => _store.Locks;

    /// <summary>
    /// The DynamoDB journal <paramref name="table"/> (checked to exist with the journal's keys), or
    /// this machine's file journal when <paramref name="table"/> is null.
    /// </summary>
    /// <exception cref="Errors.RunbookException">The table is missing, not ready, or not a journal.</exception>
    /// <exception cref="AwsConfigurationException">The connection settings cannot work.</exception>
    public static async Task<DeploymentJournal> OpenAsync(string? table, AwsConnectionOptions options, TimeProvider time, Action<string>? verbose,
        CancellationToken cancellationToken)
    {
        IJournalStore store = table == null
            ? FileJournalStore.OpenDefault()
            : await DynamoDbJournalStore.OpenAsync(table, options, time, verbose, cancellationToken).ConfigureAwait(false);
        verbose?.Invoke($"Journal: {store.Location}");
        return new DeploymentJournal(store, time);
    }

    /// <summary>The journal's key for environment-value fingerprints, read (or made) once per journal object.</summary>
    public Task<byte[]> FingerprintKeyAsync() => _fingerprintKey ??= _store.FingerprintKeyAsync();

    private Task<byte[]>? _fingerprintKey;

    public static string NewDeploymentId(string kind, TimeProvider time) =>
        $"{kind}-{time.GetUtcNow():yyyyMMddTHHmmssZ}-{Guid.NewGuid().ToString("N").Substring(0, 8)}";

    public async Task<JournalEntry> AppendAsync(string deploymentId, string action, string target, JournalPhase phase,
        IDictionary<string, string>? details = null, string? error = null)
    {
        var entry = new JournalEntry
        {
            Time = _time.GetUtcNow(),
            DeploymentId = deploymentId,
            Caller = CallerIdentity,
            Action = action,
            Target = target,
            Phase = phase,
            Details = details ?? new Dictionary<string, string>(),
            Error = error,
        };
        await _store.AppendAsync(entry).ConfigureAwait(false);
        return entry;
    }

    public Task<IReadOnlyList<JournalEntry>> ReadDeploymentAsync(string deploymentId, CancellationToken cancellationToken = default) =>
        _store.ReadDeploymentAsync(deploymentId, cancellationToken);

    /// <summary>The entries about <paramref name="target"/> of its most recent deployments (see <see cref="IJournalStore.ReadTargetAsync"/>).</summary>
    public Task<IReadOnlyList<JournalEntry>> ReadTargetAsync(string target, int recentDeployments, CancellationToken cancellationToken = default) =>
        _store.ReadTargetAsync(target, recentDeployments, cancellationToken);

    /// <summary>Who is writing: user, machine and process, as every entry and lock records it.</summary>
    internal static string CallerIdentity =>
        $"{Environment.UserName}@{Environment.MachineName} ({System.Diagnostics.Process.GetCurrentProcess().Id})";
}
