using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Records;
using RotationOps.Engine.Journal.Stores;
using RotationOps.Engine.Rotation;

namespace RotationOps.Engine.Tests.Journal;

/// <summary>A rotation's transitions written to the journal and read back as one record.</summary>
public sealed class RotationRecordsTests : IDisposable
{
    private const string Secret = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/orders/db-AbCdEf";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rotationops-records-" + Guid.NewGuid().ToString("N"));
    private readonly DeploymentJournal _journal;

    public RotationRecordsTests() => _journal = new DeploymentJournal(new FileJournalStore(_directory), TimeProvider.System);

    [Fact]
    public async Task A_rotation_interrupted_then_resumed_to_the_end_reads_as_completed_with_what_it_started_with()
    {
        var rotation = Rotation("rot-1", RotationMode.Service);
        await RotationRecords.StartedAsync(_journal, rotation);
        Assert.Equal(RotationState.Started, (await RotationRecords.ReadAsync(_journal, "rot-1"))!.State);

        await RotationRecords.InterruptedAsync(_journal, rotation);
        var interrupted = (await RotationRecords.ReadAsync(_journal, "rot-1"))!;
        Assert.Equal(RotationState.Interrupted, interrupted.State);
        Assert.True(interrupted.InFlight);

        await RotationRecords.FinishedAsync(_journal, rotation, RotationStatus.Completed, "done");
        var record = (await RotationRecords.ReadAsync(_journal, "rot-1"))!;
        Assert.Equal(RotationState.Completed, record.State);
        Assert.False(record.InFlight);
        Assert.Equal(("v2", "v1", "arn:aws:lambda:eu-west-1:123456789012:function:rotate", Secret),
            (record.VersionId, record.PreviousVersionId, record.RotationLambdaArn, record.SecretArn));
    }

    [Fact]
    public async Task A_manual_rotation_whose_value_was_stored_reads_as_staged_until_it_ends_pending_or_failed()
    {
        var rotation = Rotation("rot-2", RotationMode.Manual);
        await RotationRecords.StartedAsync(_journal, rotation);
        await _journal.AppendAsync("rot-2", "PutSecretValue", Secret, JournalPhase.Succeeded, JournalDetails.Of(("VersionId", "v2")));

        var staged = (await RotationRecords.ReadAsync(_journal, "rot-2"))!;
        Assert.Equal(RotationState.Staged, staged.State);
        Assert.True(staged.ValueStaged);

        await RotationRecords.FinishedAsync(_journal, rotation, RotationStatus.Pending, "staged");
        Assert.Equal(RotationState.Pending, (await RotationRecords.ReadAsync(_journal, "rot-2"))!.State);
    }

    [Theory]
    [InlineData(RotationStatus.Failed, RotationState.Failed)]
    [InlineData(RotationStatus.NotRun, RotationState.NotRun)]
    public async Task Each_end_reads_back_as_its_state(RotationStatus status, RotationState expected)
    {
        var rotation = Rotation("rot-3", RotationMode.Manual);
        await RotationRecords.StartedAsync(_journal, rotation);
        await RotationRecords.FinishedAsync(_journal, rotation, status, "ended");

        var record = (await RotationRecords.ReadAsync(_journal, "rot-3"))!;
        Assert.Equal(expected, record.State);
        Assert.False(record.InFlight);
    }

    [Fact]
    public async Task An_end_written_under_a_canary_id_with_no_start_is_not_a_rotation()
    {
        var discarded = Rotation("dep-canary", RotationMode.Manual);
        await RotationRecords.FinishedAsync(_journal, discarded, RotationStatus.Completed, "discarded");

        Assert.Null(await RotationRecords.ReadAsync(_journal, "dep-canary"));
        Assert.Empty(RotationRecords.Fold(await _journal.ReadTargetAsync(Secret, 10)));
    }

    private static RotationRun Rotation(string id, RotationMode mode) => new RotationRun(Secret, "prod/orders/db", mode, id, DateTimeOffset.UtcNow)
    {
        VersionId = "v2",
        PreviousVersionId = "v1",
        RotationLambdaArn = "arn:aws:lambda:eu-west-1:123456789012:function:rotate",
    };

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
