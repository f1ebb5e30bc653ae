using System;
using System.Collections.Concurrent;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using RotationOps.Engine.Journal.Stores;

namespace RotationOps.Engine.Journal.Locks;

/// <summary>
/// Deployment locks as small files beside the journal, one per target. Every read-and-write
/// happens while the file is open with FileShare.None (an exclusive flock on Unix, a sharing
/// lock on Windows) and, within this process, under a lock object per file: so two processes
/// on one machine, or two pipelines in one session, never both take a target.
/// </summary>
internal sealed class FileTargetLockStore : ITargetLockStore
{
    private static readonly ConcurrentDictionary<string, object> FileGates = new ConcurrentDictionary<string, object>(StringComparer.Ordinal);

    private readonly string _directory;

    public FileTargetLockStore(string directory)
    {
        _directory = directory;
    }

    public Task<LockAttempt> TryAcquireAsync(TargetLease wanted, Func<TargetLease, bool> mayReplace) =>
        WithFile(wanted.Target, stream =>
        {
            var holder = Read(stream);
            if (holder != null && holder.Token != wanted.Token && !mayReplace(holder)) return new LockAttempt(false, holder);
            Write(stream, wanted);
            return new LockAttempt(true, holder);
        });

    public Task<bool> RenewAsync(TargetLease held) =>
        WithFile(held.Target, stream =>
        {
            if (Read(stream)?.Token != held.Token) return false;
            Write(stream, held);
            return true;
        });

    public Task ReleaseAsync(TargetLease held) =>
        WithFile(held.Target, stream =>
        {
            if (Read(stream)?.Token == held.Token) stream.SetLength(0);
            return true;
        });

    private Task<T> WithFile<T>(string target, Func<FileStream, T> change)
    {
        Directory.CreateDirectory(_directory);
        string path = Path.Combine(_directory, FileName(target));
        lock (FileGates.GetOrAdd(path, _ => new object()))
        {
            using (var stream = ExclusiveFile.Open(() => new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)))
            {
                return Task.FromResult(change(stream));
            }
        }
    }

    /// <summary>A hash, not the target itself: ARNs and alias names hold characters file systems refuse.</summary>
    private static string FileName(string target)
    {
        using (var sha = SHA256.Create())
        {
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(target));
            var name = new StringBuilder("lock-");
            for (int i = 0; i < 16; i++) name.Append(hash[i].ToString("x2"));
            return name.Append(".json").ToString();
        }
    }

    private static TargetLease? Read(FileStream stream)
    {
        if (stream.Length == 0) return null;
        stream.Position = 0;
        var bytes = new byte[stream.Length];
        int read = 0;
        while (read < bytes.Length) read += stream.Read(bytes, read, bytes.Length - read);
        try
        {
            return JsonSerializer.Deserialize<TargetLease>(bytes);
        }
        catch (JsonException)
        {
            // Only a crash mid-write leaves this; a lock nobody can read protects nothing.
            return null;
        }
    }

    private static void Write(FileStream stream, TargetLease lease)
    {
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(lease);
        stream.SetLength(0);
        stream.Position = 0;
        stream.Write(bytes, 0, bytes.Length);
        stream.Flush(true);
    }
}
