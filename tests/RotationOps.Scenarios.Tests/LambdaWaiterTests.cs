using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Canary;
using RotationOps.Engine.Errors;
using RotationOps.Sandbox.Time;
using RotationOps.Scenarios.Tests.Infrastructure;
using static RotationOps.Scenarios.Tests.Infrastructure.ScriptedLambdaClient;

namespace RotationOps.Scenarios.Tests;

/// <summary>
/// Every acceptor of the Lambda waiters, as botocore's FunctionUpdatedV2 and FunctionActiveV2 have
/// them, against scripted GetFunction answers on a virtual clock: which answers end the wait, which
/// fail it, which keep it polling, and at what cadence.
/// </summary>
public sealed class LambdaWaiterTests : IDisposable
{
    private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly VirtualClock _clock = new VirtualClock(Start) { AutoAdvance = true };
    private readonly CancellationTokenSource _ctrlC = new CancellationTokenSource();
    private readonly RecordingHost _host;

    public LambdaWaiterTests()
    {
        _host = new RecordingHost(_clock, _ctrlC.Token);
    }

    public void Dispose()
    {
        _clock.Dispose();
        _ctrlC.Dispose();
    }

    [Fact]
    public async Task An_update_wait_polls_GetFunction_every_second_and_keeps_polling_while_the_status_is_absent_or_InProgress()
    {
        var lambda = new ScriptedLambdaClient(State(), State(lastUpdateStatus: "InProgress"), State(), State(lastUpdateStatus: "Successful"));

        var config = await new LambdaWaiter(lambda, _host).UntilUpdatedAsync("orders-api");

        Assert.Equal("Successful", config.LastUpdateStatus);
        Assert.Equal(new[] { "GetFunction:", "GetFunction:", "GetFunction:", "GetFunction:" }, lambda.Calls);
        Assert.Equal(Start.AddSeconds(3), _clock.GetUtcNow());
        Assert.Contains(_host.Progress, p => p.Status == "LastUpdateStatus not reported yet (check 1 of 300)");
        Assert.True(_host.Progress.Last().Completed);
    }

    [Fact]
    public async Task A_failed_update_ends_the_wait_with_AWSs_reason()
    {
        var lambda = new ScriptedLambdaClient(State(lastUpdateStatus: "InProgress"),
            State(lastUpdateStatus: "Failed", reasonCode: "InvalidRuntime", reason: "The runtime is deprecated."));

        var error = await Assert.ThrowsAsync<RunbookException>(() => new LambdaWaiter(lambda, _host).UntilUpdatedAsync("orders-api"));

        Assert.Equal("FunctionUpdateFailed", error.ErrorId);
        Assert.Contains("InvalidRuntime The runtime is deprecated.", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, lambda.Calls.Count);
    }

    [Fact]
    public async Task An_update_still_in_progress_after_300_checks_times_out()
    {
        var lambda = new ScriptedLambdaClient(State(lastUpdateStatus: "InProgress"));

        var error = await Assert.ThrowsAsync<RunbookException>(() => new LambdaWaiter(lambda, _host).UntilUpdatedAsync("orders-api"));

        Assert.Equal("FunctionUpdateTimeout", error.ErrorId);
        Assert.Equal(300, lambda.Calls.Count);
        Assert.Equal(Start.AddSeconds(299), _clock.GetUtcNow());
    }

    [Fact]
    public async Task A_version_wait_polls_GetFunction_every_five_seconds_through_Pending_and_an_absent_state()
    {
        var lambda = new ScriptedLambdaClient(State("Pending"), State(), State("Active"));

        var config = await new LambdaWaiter(lambda, _host).UntilActiveAsync("orders-api", "7");

        Assert.Equal("Active", config.State);
        Assert.Equal(new[] { "GetFunction:7", "GetFunction:7", "GetFunction:7" }, lambda.Calls);
        Assert.Equal(Start.AddSeconds(10), _clock.GetUtcNow());
    }

    [Fact]
    public async Task A_Failed_version_ends_the_wait_with_AWSs_reason()
    {
        var lambda = new ScriptedLambdaClient(State("Pending"), State("Failed", reasonCode: "SubnetOutOfIPAddresses", reason: "No free addresses."));

        var error = await Assert.ThrowsAsync<RunbookException>(() => new LambdaWaiter(lambda, _host).UntilActiveAsync("orders-api", "7"));

        Assert.Equal("VersionNotActive", error.ErrorId);
        Assert.Contains("SubnetOutOfIPAddresses No free addresses.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Inactive_version_is_invoked_once_to_restore_it_and_waited_for_not_failed()
    {
        var lambda = new ScriptedLambdaClient(State("Inactive", reasonCode: "Idle"), State("Inactive", reasonCode: "Idle"),
            State("Pending", reasonCode: "Restoring"), State("Active"));

        var config = await new LambdaWaiter(lambda, _host).UntilActiveAsync("orders-api", "7");

        Assert.Equal("Active", config.State);
        Assert.Equal(new[] { "GetFunction:7", "Invoke:7:RequestResponse", "GetFunction:7", "GetFunction:7", "GetFunction:7" }, lambda.Calls);
        Assert.Contains(_host.Prompts, p => p.StartsWith("orders-api:7: Invoke the Inactive version once", StringComparison.Ordinal));
        Assert.Contains(_host.Warnings, w => w.Contains("Version 7 of orders-api is Inactive (Idle)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_Inactive_version_is_not_invoked_when_the_user_declines_and_the_error_says_how_to_restore_it()
    {
        _host.Approve = false;
        var lambda = new ScriptedLambdaClient(State("Inactive", reasonCode: "Idle"));

        var error = await Assert.ThrowsAsync<RunbookException>(() => new LambdaWaiter(lambda, _host).UntilActiveAsync("orders-api", "7"));

        Assert.Equal("VersionInactive", error.ErrorId);
        // The hand-made invoke comes after the state check: on a version made Active meanwhile it would run the function.
        int check = error.Message.IndexOf("aws lambda get-function --function-name orders-api --qualifier 7 --query Configuration.State", StringComparison.Ordinal);
        int invoke = error.Message.IndexOf("aws lambda invoke --function-name orders-api --qualifier 7", StringComparison.Ordinal);
        Assert.True(check >= 0 && invoke > check, error.Message);
        Assert.DoesNotContain(lambda.Calls, c => c.StartsWith("Invoke", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_version_Lambda_could_not_restore_goes_back_to_Inactive_and_fails_the_wait()
    {
        var lambda = new ScriptedLambdaClient(State("Inactive", reasonCode: "Idle"), State("Pending", reasonCode: "Restoring"),
            State("Inactive", reasonCode: "EniLimitExceeded", reason: "No more network interfaces."));

        var error = await Assert.ThrowsAsync<RunbookException>(() => new LambdaWaiter(lambda, _host).UntilActiveAsync("orders-api", "7"));

        Assert.Equal("VersionNotActive", error.ErrorId);
        Assert.Contains("went back to Inactive", error.Message, StringComparison.Ordinal);
        Assert.Contains("EniLimitExceeded", error.Message, StringComparison.Ordinal);
        Assert.Single(lambda.Calls, c => c.StartsWith("Invoke", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ctrl_C_stops_a_wait_between_checks_and_closes_its_progress_bar()
    {
        var lambda = new ScriptedLambdaClient(State("Pending")) { OnGetFunction = call => { if (call == 3) _ctrlC.Cancel(); } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new LambdaWaiter(lambda, _host).UntilActiveAsync("orders-api", "7"));

        Assert.Equal(3, lambda.Calls.Count);
        Assert.True(_host.Progress.Last().Completed);
    }
}
