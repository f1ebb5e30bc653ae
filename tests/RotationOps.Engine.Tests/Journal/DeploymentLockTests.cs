using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Locks;
using RotationOps.Engine.Journal.Stores;
using RotationOps.Engine.Tests.Support;
using RotationOps.Tests.Shared;

namespace RotationOps.Engine.Tests.Journal;

/// <summary>The per-target deployment lock kept beside the file journal.</summary>
public sealed class DeploymentLockTests : IDisposable
{
    private const string Alias = "orders-api:LIVE";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rotationops-locks-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new FakeTimeProvider(autoAdvance: false);
    private readonly DeploymentJournal _journal;

    public DeploymentLockTests() => _journal = new DeploymentJournal(new FileJournalStore(_directory), _time);

    [Fact]
    public async Task A_second_deployer_on_the_same_target_is_refused_with_who_holds_it_and_what_to_do()
    {
        await using var first = await DeploymentLock.AcquireAsync(_journal, _time, Alias, "dep-first", force: false);

        var refused = await Assert.ThrowsAsync<RunbookException>(() => DeploymentLock.AcquireAsync(_journal, _time, Alias, "dep-second", force: false));

        Assert.Equal("DeploymentLocked", refused.ErrorId);
        Assert.Equal(RunbookErrorCategory.ResourceBusy, refused.Category);
        Assert.Contains("dep-first", refused.Message);
        Assert.Contains(Environment.MachineName, refused.Message);
        Assert.Contains("-Force", refused.Message);
        await using var other = await DeploymentLock.AcquireAsync(_journal, _time, "billing-api:LIVE", "dep-second", force: false);
    }

    [Fact]
    public async Task A_released_lock_is_free_for_the_next_deployer()
    {
        await (await DeploymentLock.AcquireAsync(_journal, _time, Alias, "dep-first", force: false)).DisposeAsync();

        await using var next = await DeploymentLock.AcquireAsync(_journal, _time, Alias, "dep-second", force: false);
        Assert.DoesNotContain(_journal.ReadAll(), e => e.Action == "LockTakeover");
    }

    [Fact]
    public async Task The_same_deployment_run_twice_at_once_is_still_two_holders()
    {
        await using var first = await DeploymentLock.AcquireAsync(_journal, _time, Alias, "dep-1", force: false);

        await Assert.ThrowsAsync<RunbookException>(() => DeploymentLock.AcquireAsync(_journal, _time, Alias, "dep-1", force: false));
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_and_the_takeover_journaled()
    {
        await using var abandoned = await DeploymentLock.AcquireAsync(_journal, _time, Alias, "dep-first", force: false);
        _time.Advance(DeploymentLock.Lease + TimeSpan.FromSeconds(1));

        await using var next = await DeploymentLock.AcquireAsync(_journal, _time, Alias, "dep-second", force: false);

        var takeover = Assert.Single(_journal.ReadAll(), e => e.Action == "LockTakeover");
        Assert.Equal("dep-second", takeover.DeploymentId);
        Assert.Equal("LeaseExpired", takeover.Details["Reason"]);
        Assert.Equal("dep-first", takeover.Details["PreviousDeploymentId"]);
    }

    [Fact]
    public async Task A_holder_that_renews_during_a_long_bake_keeps_the_lock_past_the_first_lease()
    {
        await using var baking = await DeploymentLock.AcquireAsync(_journal, _time, Alias, "dep-baking", force: false);
        for (int minute = 0; minute < 30; minute++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            await baking.RenewAsync();
        }

        await Assert.ThrowsAsync<RunbookException>(() => DeploymentLock.AcquireAsync(_journal, _time, Alias, "dep-second", force: false));
    }

    [Fact]
    public async Task Force_takes_a_live_lock_over_and_the_old_holder_stops_at_its_next_renewal()
    {
        await using var first = await DeploymentLock.AcquireAsync(_journal, _time, Alias, "dep-first", force: false);

        await using var forced = await DeploymentLock.AcquireAsync(_journal, _time, Alias, "dep-forced", force: true);
        _time.Advance(DeploymentLock.Lease / 2);

        var lost = await Assert.ThrowsAsync<RunbookException>(() => first.RenewAsync());
        Assert.Equal("DeploymentLockLost", lost.ErrorId);
        Assert.Equal("Force", Assert.Single(_journal.ReadAll(), e => e.Action == "LockTakeover").Details["Reason"]);
        await first.DisposeAsync();   // releasing a lock that was taken over leaves the new holder's lock alone
        await Assert.ThrowsAsync<RunbookException>(() => DeploymentLock.AcquireAsync(_journal, _time, Alias, "dep-third", force: false));
    }

    [Fact]
    public async Task A_holder_whose_process_is_gone_from_this_machine_is_taken_over_at_once()
    {
        using var exited = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
        exited.WaitForExit();
        var dead = new TargetLease
        {
            Target = Alias,
            DeploymentId = "dep-killed",
            Token = "killed",
            Caller = "ci@runner (" + exited.Id + ")",
            Host = Environment.MachineName,
            ProcessId = exited.Id,
            ProcessStartedAt = _time.GetUtcNow(),
            Since = _time.GetUtcNow(),
            ExpiresAt = _time.GetUtcNow() + DeploymentLock.Lease,
        };
        Assert.True((await _journal.Locks.TryAcquireAsync(dead, _ => false)).Acquired);

        await using var next = await DeploymentLock.AcquireAsync(_journal, _time, Alias, "dep-rerun", force: false);

        Assert.Equal("HolderProcessGone", Assert.Single(_journal.ReadAll(), e => e.Action == "LockTakeover").Details["Reason"]);
    }

    [Fact]
    public async Task Of_many_deployers_racing_for_one_target_exactly_one_wins()
    {
        using var start = new ManualResetEventSlim();
        var racers = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                return await DeploymentLock.AcquireAsync(_journal, _time, Alias, $"dep-{i}", force: false);
            }
            catch (RunbookException)
            {
                return (DeploymentLock?)null;
            }
        })).ToList();
        start.Set();

        var winners = (await Task.WhenAll(racers)).Where(l => l != null).ToList();

        Assert.Single(winners);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
