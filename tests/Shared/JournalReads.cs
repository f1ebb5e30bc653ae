using System.Collections.Generic;
using System.IO;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Stores;

namespace RotationOps.Tests.Shared;

/// <summary>How tests read a journal back: synchronously, and the whole file journal at once.</summary>
internal static class JournalReads
{
    public static IReadOnlyList<JournalEntry> ReadDeployment(this DeploymentJournal journal, string deploymentId) =>
        journal.ReadDeploymentAsync(deploymentId).GetAwaiter().GetResult();

    /// <summary>Every entry of a file journal (Location is its journal.jsonl), oldest first, read as the file store reads it.</summary>
    public static IReadOnlyList<JournalEntry> ReadAll(this DeploymentJournal journal) =>
        new FileJournalStore(Path.GetDirectoryName(journal.Location)!).ReadAll();
}
