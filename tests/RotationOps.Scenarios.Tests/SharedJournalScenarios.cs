using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Canary;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Locks;
using RotationOps.Engine.Journal.Records;
using RotationOps.Sandbox;
using RotationOps.Sandbox.Faults;
using RotationOps.Scenarios.Tests.Infrastructure;

namespace RotationOps.Scenarios.Tests;

/// <summary>
/// The journal in a DynamoDB table shared by several machines (CI runners, operators). Each
/// OpenSharedJournalAsync is another machine: they share nothing but the table.
/// </summary>
public sealed class SharedJournalScenarios
{
    private const string Table = "rotationops-journal";

    [SandboxFact]
    public async Task A_missing_table_or_one_with_other_keys_is_refused_before_anything_is_written()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();

        var missing = await Assert.ThrowsAsync<RunbookException>(() => scenario.OpenSharedJournalAsync("no-such-table"));
        Assert.Equal("JournalTableNotFound", missing.ErrorId);
        Assert.Equal("JournalTable", missing.ParameterName);
        Assert.Contains("aws dynamodb create-table --region us-east-1 --table-name no-such-table", missing.Message);

        await scenario.Setup.CreateTableAsync("orders", hashKey: "id", rangeKey: null);
        var wrong = await Assert.ThrowsAsync<RunbookException>(() => scenario.OpenSharedJournalAsync("orders"));
        Assert.Equal("JournalTableSchema", wrong.ErrorId);
        Assert.Contains("id (S, HASH)", wrong.Message);
        Assert.Equal(0, sandbox.DynamoDb.Find("orders")!.ItemCount);

        var badName = await Assert.ThrowsAsync<RunbookException>(() => scenario.OpenSharedJournalAsync("a b"));
        Assert.Equal("InvalidParameter", badName.ErrorId);
        Assert.StartsWith("-JournalTable:", badName.Message);
    }

    [SandboxFact]
    public async Task Two_machines_writing_one_deployment_at_once_lose_none_of_each_others_entries()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        await scenario.Setup.CreateTableAsync(Table);
        var machines = new[] { await scenario.OpenSharedJournalAsync(Table), await scenario.OpenSharedJournalAsync(Table) };

        await Task.WhenAll(machines.Select((journal, m) => Task.Run(async () =>
        {
            for (int i = 0; i < 25; i++)
                await journal.AppendAsync("dep-shared", "UpdateAlias", "orders-api:LIVE", JournalPhase.Succeeded,
                    new Dictionary<string, string> { ["Machine"] = m.ToString(), ["i"] = i.ToString() });
        })));

        var read = await (await scenario.OpenSharedJournalAsync(Table)).ReadDeploymentAsync("dep-shared");
        Assert.Equal(50, read.Count);
        foreach (var machine in read.GroupBy(e => e.Details["Machine"]))
            Assert.Equal(Enumerable.Range(0, 25).Select(i => i.ToString()), machine.Select(e => e.Details["i"]));
        // Independently of the module: the table holds 50 entry items in places 1..50 and one index item.
        var keys = SortKeys(sandbox, "deployment#dep-shared");
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"entry#{i:D8}"), keys);
        Assert.Equal(new[] { "dep-shared" }, SortKeys(sandbox, "target#orders-api:LIVE"));
    }

    [SandboxFact]
    public async Task An_entry_whose_reply_was_lost_is_recorded_once()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        await scenario.Setup.CreateTableAsync(Table);
        var journal = await scenario.OpenSharedJournalAsync(Table);
        await journal.AppendAsync("dep-lost", "PublishVersion", "orders-api:LIVE", JournalPhase.Intent);

        // The entry is written, its reply lost; the resend finds its own entry in that place.
        sandbox.Faults.Add(new FaultRule { Service = "dynamodb", Operation = "PutItem", Kind = FaultKind.DropReply, Count = 1 });
        await journal.AppendAsync("dep-lost", "PublishVersion", "orders-api:LIVE", JournalPhase.Succeeded);
        Assert.Equal(1, Assert.Single(sandbox.Faults.Rules).Hits);
        await journal.AppendAsync("dep-lost", "UpdateAlias", "orders-api:LIVE", JournalPhase.Intent);

        var read = await (await scenario.OpenSharedJournalAsync(Table)).ReadDeploymentAsync("dep-lost");
        Assert.Equal(new[] { JournalPhase.Intent, JournalPhase.Succeeded, JournalPhase.Intent }, read.Select(e => e.Phase));
        Assert.Equal(3, SortKeys(sandbox, "deployment#dep-lost").Count);
    }

    [SandboxFact]
    public async Task A_canary_published_on_one_machine_is_undone_by_its_id_on_another()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        await scenario.Setup.CreateTableAsync(Table);
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        var runner = await scenario.OpenSharedJournalAsync(Table);
        var operatorLaptop = await scenario.OpenSharedJournalAsync(Table);

        var canary = await scenario.Publisher(runner).PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1 });
        Assert.Equal(0.1, sandbox.Lambda.Find(function)!.Aliases.Single().AdditionalVersionWeights[canary.CanaryVersion!]);

        var undone = await scenario.Undo(operatorLaptop).UndoAsync(new UndoRequest { DeploymentId = canary.DeploymentId });

        Assert.Equal(canary.DeploymentId, undone.DeploymentId);
        var alias = sandbox.Lambda.Find(function)!.Aliases.Single();
        Assert.Equal("1", alias.FunctionVersion);
        Assert.Empty(alias.AdditionalVersionWeights);
        var seenByRunner = await DeploymentRecords.FindAsync(runner, canary.DeploymentId);
        Assert.Equal(DeploymentStatus.RolledBack, seenByRunner!.Status);
    }

    [SandboxFact]
    public async Task A_second_machine_is_refused_while_the_first_bakes_and_resumes_the_same_deployment_once_the_dead_runners_lease_expires()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        await scenario.Setup.CreateTableAsync(Table);
        string function = await scenario.CreateLiveFunctionAsync("orders-api");
        var runner = await scenario.OpenSharedJournalAsync(Table);
        var nextRunner = await scenario.OpenSharedJournalAsync(Table);
        var canary = await scenario.Publisher(runner).PublishAsync(new CanaryRequest { FunctionName = function, AliasName = "LIVE", Runtime = "python3.11", Weight = 0.1 });

        // The first runner's VM is gone mid-bake: its lock stays in the table, renewed no more.
        var now = scenario.Time.GetUtcNow();
        Assert.True((await runner.Locks.TryAcquireAsync(new TargetLease
        {
            Target = canary.AliasArn!, DeploymentId = canary.DeploymentId, Token = "runner-17", Caller = "runner@fv-az17-123 (4242)",
            Host = "fv-az17-123", ProcessId = 4242, ProcessStartedAt = now, Since = now, ExpiresAt = now + DeploymentLock.Lease,
        }, _ => false)).Acquired);

        var shift = new TrafficShiftRequest { FunctionName = function, AliasName = "LIVE", Promote = true };
        var refused = await Assert.ThrowsAsync<RunbookException>(() => scenario.Shifter(nextRunner).ShiftAsync(shift));
        Assert.Equal("DeploymentLocked", refused.ErrorId);
        Assert.Contains(canary.DeploymentId, refused.Message);
        Assert.Contains("runner@fv-az17-123 (4242)", refused.Message);
        Assert.Equal(0.1, sandbox.Lambda.Find(function)!.Aliases.Single().AdditionalVersionWeights[canary.CanaryVersion!]);

        sandbox.Clock.Advance(DeploymentLock.Lease + TimeSpan.FromMinutes(1));
        var resumed = await scenario.Shifter(nextRunner).ShiftAsync(shift);

        Assert.Equal(canary.DeploymentId, resumed.DeploymentId);
        Assert.Equal(DeploymentStatus.Promoted, resumed.Status);
        Assert.Equal(canary.CanaryVersion, sandbox.Lambda.Find(function)!.Aliases.Single().FunctionVersion);
        var takeover = Assert.Single(await runner.ReadDeploymentAsync(canary.DeploymentId), e => e.Action == "LockTakeover");
        Assert.Equal("LeaseExpired", takeover.Details["Reason"]);
    }

    [SandboxFact]
    public async Task Of_many_machines_racing_for_one_alias_exactly_one_gets_the_lock()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.Setup.CreateTableAsync(Table);
        var machines = new List<DeploymentJournal>();
        for (int i = 0; i < 6; i++) machines.Add(await scenario.OpenSharedJournalAsync(Table));

        var racers = machines.Select((journal, i) => Task.Run(async () =>
        {
            try
            {
                return await DeploymentLock.AcquireAsync(journal, scenario.Time, "orders-api:LIVE", $"dep-{i}", force: false);
            }
            catch (RunbookException e) when (e.ErrorId == "DeploymentLocked")
            {
                return null;
            }
        })).ToList();
        var winners = (await Task.WhenAll(racers)).Where(l => l != null).ToList();

        var winner = Assert.Single(winners);
        await winner!.DisposeAsync();
        // Released: the next deployer gets it at once.
        await using var next = await DeploymentLock.AcquireAsync(machines[0], scenario.Time, "orders-api:LIVE", "dep-next", force: false);
    }

    [SandboxFact]
    public async Task Force_takes_the_table_lock_from_a_live_holder_which_stops_at_its_next_renewal_while_renewals_keep_it_past_its_lease()
    {
        await using var scenario = await Scenario.StartAsync();
        var sandbox = scenario.RequireSandbox();
        await scenario.Setup.CreateTableAsync(Table);
        var runner = await scenario.OpenSharedJournalAsync(Table);
        var operatorLaptop = await scenario.OpenSharedJournalAsync(Table);
        var baking = await DeploymentLock.AcquireAsync(runner, scenario.Time, "orders-api:LIVE", "dep-baking", force: false);

        // A long bake: renewed every poll, the lock outlives its first lease.
        for (int minute = 0; minute < 15; minute++)
        {
            sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
            await baking.RenewAsync();
        }
        var refused = await Assert.ThrowsAsync<RunbookException>(() => DeploymentLock.AcquireAsync(operatorLaptop, scenario.Time, "orders-api:LIVE", "dep-other", force: false));
        Assert.Equal("DeploymentLocked", refused.ErrorId);

        await using var forced = await DeploymentLock.AcquireAsync(operatorLaptop, scenario.Time, "orders-api:LIVE", "dep-forced", force: true);

        var lost = await Assert.ThrowsAsync<RunbookException>(() => baking.RenewAsync());
        Assert.Equal("DeploymentLockLost", lost.ErrorId);
        await baking.DisposeAsync();   // the old holder's release leaves the new holder's lock alone
        var takeover = Assert.Single(await runner.ReadDeploymentAsync("dep-forced"), e => e.Action == JournalActions.LockTakeover);
        Assert.Equal(("Force", "dep-baking"), (takeover.Details["Reason"], takeover.Details["PreviousDeploymentId"]));
        await Assert.ThrowsAsync<RunbookException>(() => DeploymentLock.AcquireAsync(runner, scenario.Time, "orders-api:LIVE", "dep-third", force: false));
    }

    /// <summary>The sort keys of one partition, read from the Sandbox's table rather than through the module.</summary>
    private static List<string> SortKeys(SandboxServer sandbox, string partition) =>
        sandbox.DynamoDb.Find(Table)!.Items
            .Where(i => i.GetProperty("pk").GetProperty("S").GetString() == partition)
            .Select(i => i.GetProperty("sk").GetProperty("S").GetString()!)
            .OrderBy(k => k, StringComparer.Ordinal)
            .ToList();
}
