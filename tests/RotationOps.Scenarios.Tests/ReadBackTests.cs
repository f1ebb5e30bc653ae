using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Stores;
using RotationOps.Scenarios.Tests.Infrastructure;
using RotationOps.Tests.Shared;

namespace RotationOps.Scenarios.Tests;

/// <summary>
/// How a journaled mutation decides what happened when AWS's answer does not say: only an
/// outcome-unknown failure is read back, and the read decides the report and the journal.
/// </summary>
public sealed class ReadBackTests : IDisposable
{
    private const string Target = "orders-api:LIVE";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rotationops-readback-" + Guid.NewGuid().ToString("N"));
    private readonly DeploymentJournal _journal;
    private readonly JournaledMutation _mutation;

    public ReadBackTests()
    {
        _journal = new DeploymentJournal(new FileJournalStore(_directory), TimeProvider.System);
        _mutation = new JournaledMutation(_journal, new RecordingHost(TimeProvider.System));
    }

    public static TheoryData<string, HttpStatusCode?, int> UnknownOutcomes => new TheoryData<string, HttpStatusCode?, int>
    {
        { "RequestTimeout", null, 1 },
        { "ConnectionError", null, 3 },
        { "ServiceException", HttpStatusCode.InternalServerError, 1 },
        { "PreconditionFailedException", HttpStatusCode.PreconditionFailed, 2 },
    };

    [Theory]
    [MemberData(nameof(UnknownOutcomes))]
    public async Task A_change_found_made_after_an_unknown_outcome_is_reported_done_and_journaled_so(string code, HttpStatusCode? status, int attempts)
    {
        var found = new object();

        var result = await _mutation.RunAsync("dep-1", "UpdateAlias", Target, Details(), () => Fail(code, status, attempts), () => Task.FromResult<object?>(found));

        Assert.Same(found, result);
        var outcome = _journal.ReadDeployment("dep-1").Last();
        Assert.Equal((JournalPhase.Succeeded, "applied"), (outcome.Phase, outcome.Details["ReadBack"]));
    }

    [Fact]
    public async Task A_change_not_found_after_an_unknown_outcome_fails_as_it_did_and_the_journal_says_it_was_read_back()
    {
        var failure = await Assert.ThrowsAsync<AwsServiceException>(() =>
            _mutation.RunAsync("dep-2", "UpdateAlias", Target, Details(), () => Fail("ConnectionError", null, 4), () => Task.FromResult<object?>(null)));

        Assert.Equal("ConnectionError", failure.ErrorCode);
        var outcome = _journal.ReadDeployment("dep-2").Last();
        Assert.Equal((JournalPhase.Failed, "not applied"), (outcome.Phase, outcome.Details["ReadBack"]));
    }

    [Fact]
    public async Task A_refusal_of_a_first_attempt_is_known_not_made_and_is_not_read_back()
    {
        bool read = false;

        await Assert.ThrowsAsync<AwsServiceException>(() => _mutation.RunAsync("dep-3", "UpdateAlias", Target, Details(),
            () => Fail("PreconditionFailedException", HttpStatusCode.PreconditionFailed, 1),
            () => { read = true; return Task.FromResult<object?>(null); }));

        Assert.False(read);
        Assert.False(_journal.ReadDeployment("dep-3").Last().Details.ContainsKey("ReadBack"));
    }

    [Fact]
    public async Task When_the_read_back_fails_too_the_error_and_the_journal_say_the_outcome_is_unknown()
    {
        var unknown = await Assert.ThrowsAsync<RunbookException>(() => _mutation.RunAsync("dep-4", "UpdateAlias", Target, Details(),
            () => Fail("RequestTimeout", null, 1), () => FailToRead("ConnectionError")));

        Assert.Equal("OutcomeUnknown", unknown.ErrorId);
        Assert.Contains("may or may not have been made", unknown.Message);
        var outcome = _journal.ReadDeployment("dep-4").Last();
        Assert.Equal(JournalPhase.Failed, outcome.Phase);
        Assert.Contains("outcome unknown", outcome.Error);
    }

    private static Dictionary<string, string> Details() => new Dictionary<string, string> { ["FunctionVersion"] = "2" };

    private static Task<object> Fail(string code, HttpStatusCode? status, int attempts) =>
        Task.FromException<object>(Failure("UpdateAlias", code, status, attempts));

    private static Task<object?> FailToRead(string code) => Task.FromException<object?>(Failure("GetAlias", code, null, 4));

    private static AwsServiceException Failure(string operation, string code, HttpStatusCode? status, int attempts) =>
        new AwsServiceException("lambda", operation, code, "test failure", status, null) { Attempts = attempts };

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
