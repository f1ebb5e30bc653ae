using System.Collections.Generic;
using System.IO;
using System.Linq;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Stores;

namespace RotationOps.Tests.Shared;

/// <summary>How tests read a journal back: synchronously, and the whole file journal at once.</summary>
internal static class JournalReads
{
    public static IReadOnlyList<JournalEntry> ReadDeployment(this DeploymentJournal journal, string deploymentId) =>
        journal.ReadDeploymentAsync(deploymentId).GetAwaiter().GetResult();

    /// <summary>Every entry of a file journal, oldest first, as an independent read of journal.jsonl.</summary>
    public static IReadOnlyList<JournalEntry> ReadAll(this DeploymentJournal journal) =>
        File.Exists(journal.Location)
            ? File.ReadAllLines(journal.Location).Where(l => l.Length > 0).Select(JournalEntryJson.Read).Where(e => e != null).Select(e => e!).ToList()
            : new List<JournalEntry>();
}
