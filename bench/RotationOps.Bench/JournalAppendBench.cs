using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Stores;

namespace RotationOps.Bench;

/// <summary>
/// Concurrent writers appending to one journal file, as a fleet run's hundreds of deployments do.
/// Each append holds the file exclusively and flushes to disk, so the figure is durable entries per
/// second; reading every entry back checks that no writer's line was lost or torn by another's.
/// </summary>
internal static class JournalAppendBench
{
    private const string Name = "Journal appends";

    public static void Run(int writers, int entriesPerWriter, FigureTable table)
    {
        using var directory = new ScratchDirectory();
        var journal = new DeploymentJournal(new FileJournalStore(directory.Path), TimeProvider.System);

        // Dedicated threads, not pool tasks: all writers contend from the first entry on.
        var threads = Enumerable.Range(1, writers)
            .Select(writer => new Thread(() => Append(journal, writer, entriesPerWriter)))
            .ToList();
        var realTime = Stopwatch.StartNew();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        realTime.Stop();

        var expected = writers * entriesPerWriter;
        table.Add(Name, "writers × entries", $"{writers} × {entriesPerWriter}");
        var readBack = Enumerable.Range(1, writers).Sum(writer => journal.ReadDeploymentAsync(DeploymentOf(writer)).GetAwaiter().GetResult().Count);
        table.Add(Name, "entries read back", $"{readBack} of {expected}");
        table.Add(Name, "entries per second", $"{expected / realTime.Elapsed.TotalSeconds:0}");
    }

    private static void Append(DeploymentJournal journal, int writer, int entries)
    {
        var deploymentId = DeploymentOf(writer);
        for (var entry = 1; entry <= entries; entry++)
        {
            journal.AppendAsync(deploymentId, "JournalBench", $"writer-{writer}", JournalPhase.Intent,
                JournalDetails.Of(("Entry", entry.ToString(System.Globalization.CultureInfo.InvariantCulture)))).GetAwaiter().GetResult();
        }
    }

    private static string DeploymentOf(int writer) => $"bench-writer-{writer}";
}
