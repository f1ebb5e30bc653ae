using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using RotationOps.Engine.Journal.Locks;

namespace RotationOps.Engine.Journal
{
    /// <summary>
    /// The append-only JSON-lines record of every mutation, under $env:ROTATIONOPS_HOME
    /// (default ~/.rotationops/journal.jsonl). Undo and resume read it.
    /// </summary>
    public sealed class DeploymentJournal
    {
        public const string HomeVariable = "ROTATIONOPS_HOME";
        private const string FileName = "journal.jsonl";

        private static readonly JsonSerializerOptions JsonOptions = new JsonSerializerOptions
        {
            Converters = { new JsonStringEnumConverter() },
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };

        private readonly TimeProvider _time;

        public DeploymentJournal(string directory, TimeProvider time)
        {
            Directory.CreateDirectory(directory);
            FilePath = Path.Combine(directory, FileName);
            _time = time;
        }

        public string FilePath { get; }

        /// <summary>The journal in $env:ROTATIONOPS_HOME, or ~/.rotationops when unset.</summary>
        public static DeploymentJournal OpenDefault(TimeProvider time)
        {
            string? home = Environment.GetEnvironmentVariable(HomeVariable);
            if (string.IsNullOrWhiteSpace(home))
                home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".rotationops");
            return new DeploymentJournal(home!, time);
        }

        public static string NewDeploymentId(string kind, TimeProvider time) =>
            $"{kind}-{time.GetUtcNow():yyyyMMddTHHmmssZ}-{Guid.NewGuid().ToString("N").Substring(0, 8)}";

        public JournalEntry Append(string deploymentId, string action, string target, JournalPhase phase,
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
            byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, JsonOptions) + "\n");
            WriteExclusive(line);
            return entry;
        }

        /// <summary>Every entry, oldest first; a torn last line (a crash mid-write) is ignored.</summary>
        public IReadOnlyList<JournalEntry> ReadAll()
        {
            if (!File.Exists(FilePath)) return Array.Empty<JournalEntry>();
            var entries = new List<JournalEntry>();
            using (var stream = Open(() => new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)))
            using (var reader = new StreamReader(stream, Encoding.UTF8))
            {
                string? line;
                while ((line = reader.ReadLine()) != null)
                {
                    if (line.Length == 0) continue;
                    try
                    {
                        var entry = JsonSerializer.Deserialize<JournalEntry>(line, JsonOptions);
                        if (entry != null) entries.Add(entry);
                    }
                    catch (JsonException)
                    {
                        // Only a torn write can produce this; the lines around it are intact.
                    }
                }
            }
            return entries;
        }

        /// <summary>Deployment locks kept beside the journal, so every process using it shares them.</summary>
        public ITargetLockStore Locks => _locks ??= new FileTargetLockStore(Path.Combine(Path.GetDirectoryName(FilePath)!, "locks"));

        private ITargetLockStore? _locks;

        public IReadOnlyList<JournalEntry> ReadDeployment(string deploymentId) =>
            ReadAll().Where(e => e.DeploymentId == deploymentId).ToList();

        /// <summary>Who is writing: user, machine and process, as every entry and lock records it.</summary>
        internal static string CallerIdentity =>
            $"{Environment.UserName}@{Environment.MachineName} ({System.Diagnostics.Process.GetCurrentProcess().Id})";

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
                using (var stream = Open(() => new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.None)))
                {
                    stream.Write(line, 0, line.Length);
                    stream.Flush(true);
                }
            }
        }

        /// <summary>Opens the file, waiting briefly (in real time) while another process holds it.</summary>
        internal static FileStream Open(Func<FileStream> open)
        {
            for (int attempt = 0; ; attempt++)
            {
                try
                {
                    return open();
                }
                catch (IOException) when (attempt < 500)
                {
                    Thread.Sleep(10);
                }
            }
        }

        private static readonly ConcurrentDictionary<string, object> WriteLocks = new ConcurrentDictionary<string, object>(StringComparer.Ordinal);
    }
}
