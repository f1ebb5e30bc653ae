using System.Collections.Generic;
using System.IO;
using System.Text;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Stores;

namespace RotationOps.Tests.Shared;

/// <summary>How tests read a journal back: synchronously, and the whole file journal at once.</summary>
internal static class JournalReads
{
    public static IReadOnlyList<JournalEntry> ReadDeployment(this DeploymentJournal journal, string deploymentId) =>
        journal.ReadDeploymentAsync(deploymentId).GetAwaiter().GetResult();

    /// <summary>
    /// Every entry of a file journal, oldest first, as an independent read of journal.jsonl; waits
    /// out a writer holding the file, so a test may poll it while the engine writes.
    /// </summary>
    public static IReadOnlyList<JournalEntry> ReadAll(this DeploymentJournal journal)
    {
        var entries = new List<JournalEntry>();
        if (!File.Exists(journal.Location)) return entries;
        using (var stream = ExclusiveFile.Open(() => new FileStream(journal.Location, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)))
        using (var reader = new StreamReader(stream, Encoding.UTF8))
        {
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                var entry = line.Length > 0 ? JournalEntryJson.Read(line) : null;
                if (entry != null) entries.Add(entry);
            }
        }
        return entries;
    }
}
