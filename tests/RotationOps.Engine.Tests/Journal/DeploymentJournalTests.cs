using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Stores;
using RotationOps.Tests.Shared;

namespace RotationOps.Engine.Tests.Journal;

public sealed class DeploymentJournalTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rotationops-journal-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Entries_are_read_back_in_order_with_their_details()
    {
        var journal = new DeploymentJournal(new FileJournalStore(_directory), TimeProvider.System);

        await journal.AppendAsync("rot-1", "PutSecretValue", "arn:secret", JournalPhase.Intent, new Dictionary<string, string> { ["VersionId"] = "v2" });
        await journal.AppendAsync("rot-1", "PutSecretValue", "arn:secret", JournalPhase.Failed, null, "ThrottlingException: Rate exceeded");
        await journal.AppendAsync("rot-2", "RotateSecret", "arn:other", JournalPhase.Succeeded);

        var entries = await journal.ReadDeploymentAsync("rot-1");
        Assert.Equal(new[] { JournalPhase.Intent, JournalPhase.Failed }, entries.Select(e => e.Phase));
        Assert.Equal("v2", entries[0].Details["VersionId"]);
        Assert.Equal("ThrottlingException: Rate exceeded", entries[1].Error);
        Assert.Contains("@", entries[0].Caller);
    }

    [Fact]
    public async Task A_torn_last_line_from_a_crash_is_skipped()
    {
        var journal = new DeploymentJournal(new FileJournalStore(_directory), TimeProvider.System);
        await journal.AppendAsync("rot-1", "RotateSecret", "arn:secret", JournalPhase.Intent);
        File.AppendAllText(journal.Location, "{\"Time\":\"2026-");

        Assert.Single(journal.ReadAll());
    }

    [Fact]
    public async Task Concurrent_writers_never_interleave_lines()
    {
        var journals = Enumerable.Range(0, 4).Select(_ => new DeploymentJournal(new FileJournalStore(_directory), TimeProvider.System)).ToArray();

        await Task.WhenAll(journals.Select((journal, writer) => Task.Run(async () =>
        {
            for (int i = 0; i < 100; i++)
                await journal.AppendAsync($"dep-{writer}", "UpdateAlias", "fn", JournalPhase.Succeeded, new Dictionary<string, string> { ["i"] = i.ToString() });
        })));

        var entries = journals[0].ReadAll();
        Assert.Equal(400, entries.Count);
        Assert.Equal(400, File.ReadAllLines(journals[0].Location).Length);
        foreach (var group in entries.GroupBy(e => e.DeploymentId))
            Assert.Equal(Enumerable.Range(0, 100).Select(i => i.ToString()), group.Select(e => e.Details["i"]));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
