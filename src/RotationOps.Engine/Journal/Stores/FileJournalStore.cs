using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Journal.Locks;

namespace RotationOps.Engine.Journal.Stores;

/// <summary>
/// The journal as an append-only JSON-lines file on this machine (journal.jsonl in
/// $env:ROTATIONOPS_HOME, default ~/.rotationops), with the deployment locks as files beside it.
/// </summary>
public sealed class FileJournalStore : IJournalStore
{
    public const string HomeVariable = "ROTATIONOPS_HOME";
    private const string FileName = "journal.jsonl";

    private static readonly ConcurrentDictionary<string, object> WriteLocks = new ConcurrentDictionary<string, object>(StringComparer.Ordinal);

    public FileJournalStore(string directory)
    {
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, FileName);
        Locks = new FileTargetLockStore(Path.Combine(directory, "locks"));
    }

    public string FilePath { get; }

    public string Location => FilePath;

    public ITargetLockStore Locks { get; }

    /// <summary>The journal in $env:ROTATIONOPS_HOME, or ~/.rotationops when unset.</summary>
    public static FileJournalStore OpenDefault()
    {
        string? home = Environment.GetEnvironmentVariable(HomeVariable);
        if (string.IsNullOrWhiteSpace(home))
            home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".rotationops");
        return new FileJournalStore(home!);
    }

    /// <summary>Kept in fingerprint-key/key beside the journal, made by the first command that needs it.</summary>
    /// <remarks>
    /// The key is written whole into a folder of its own, which is then renamed into place. A
    /// rename onto a folder that exists fails on every platform, and is atomic where a file move
    /// is not (.NET checks, then renames): a command starting beside this one, or after a crash
    /// mid-write, never reads a half-written key, and two never keep different keys.
    /// </remarks>
    public Task<byte[]> FingerprintKeyAsync()
    {
        string folder = Path.Combine(Path.GetDirectoryName(FilePath)!, "fingerprint-key");
        string path = Path.Combine(folder, "key");
        if (!Directory.Exists(folder))
        {
            byte[] key = FingerprintKey.New();
            string written = $"{folder}.{Guid.NewGuid():n}.tmp";
            Directory.CreateDirectory(written);
            File.WriteAllText(Path.Combine(written, "key"), Convert.ToBase64String(key), Encoding.ASCII);
            try
            {
                Directory.Move(written, folder);
                return Task.FromResult(key);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                Directory.Delete(written, recursive: true);
            }
        }
        return Task.FromResult(Convert.FromBase64String(File.ReadAllText(path, Encoding.ASCII).Trim()));
    }

    public Task AppendAsync(JournalEntry entry)
    {
        WriteExclusive(Encoding.UTF8.GetBytes(JournalEntryJson.Write(entry) + "\n"));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<JournalEntry>> ReadDeploymentAsync(string deploymentId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>(ReadAll().Where(e => e.DeploymentId == deploymentId).ToList());

    public Task<IReadOnlyList<JournalEntry>> ReadTargetAsync(string target, int recentDeployments, CancellationToken cancellationToken)
    {
        // Grouped by deployment in the order each first touched the target, as the table's index orders them.
        var groups = ReadAll().Where(e => e.Target == target).GroupBy(e => e.DeploymentId).ToList();
        return Task.FromResult<IReadOnlyList<JournalEntry>>(
            groups.Skip(Math.Max(0, groups.Count - recentDeployments)).SelectMany(g => g).ToList());
    }

    /// <summary>Every entry, oldest first; a torn last line (a crash mid-write) is ignored.</summary>
    internal List<JournalEntry> ReadAll()
    {
        var entries = new List<JournalEntry>();
        if (!File.Exists(FilePath)) return entries;
        using (var stream = ExclusiveFile.Open(() => new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)))
        using (var reader = new StreamReader(stream, Encoding.UTF8))
        {
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                if (line.Length == 0) continue;
                var entry = JournalEntryJson.Read(line);
                if (entry != null) entries.Add(entry);
            }
        }
        return entries;
    }

    /// <summary>
    /// One write per entry while holding the file exclusively: a process-wide lock orders this
    /// process's writers (a fleet run has hundreds), and FileShare.None — an exclusive flock on
    /// Unix, a sharing lock on Windows — orders processes (a scheduled task and an operator).
    /// Without both, two appenders can seek to the same end and one line overwrites the other.
    /// </summary>
    private void WriteExclusive(byte[] line)
    {
        lock (WriteLocks.GetOrAdd(FilePath, _ => new object()))
        {
            using (var stream = ExclusiveFile.Open(() => new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.None)))
            {
                stream.Write(line, 0, line.Length);
                stream.Flush(true);
            }
        }
    }
}
