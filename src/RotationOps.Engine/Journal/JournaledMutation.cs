using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Hosting;

namespace RotationOps.Engine.Journal;

/// <summary>
/// Runs one AWS mutation between two journal lines: the intent before the call (so a crash
/// mid-call still shows what may have happened) and the outcome after it.
/// </summary>
public sealed class JournaledMutation
{
    private readonly DeploymentJournal _journal;
    private readonly IRunbookHost _host;

    public JournaledMutation(DeploymentJournal journal, IRunbookHost host)
    {
        _journal = journal;
        _host = host;
    }

    public DeploymentJournal Journal => _journal;

    /// <summary>
    /// Runs <paramref name="call"/> between its intent and outcome entries. When the call fails in a
    /// way that leaves its outcome unknown (no answer, a 5xx, a resend's conflict) and the caller gave
    /// <paramref name="readBack"/>, what AWS holds decides: a change that is there is reported and
    /// journaled as done; one that is not, as failed; and when even the read fails, the error says
    /// the outcome is unknown rather than claiming either.
    /// </summary>
    public async Task<T> RunAsync<T>(string deploymentId, string action, string target,
        IDictionary<string, string> details, Func<Task<T>> call, ReadBack<T>? readBack = null) where T : class
    {
        await _journal.AppendAsync(deploymentId, action, target, JournalPhase.Intent, details).ConfigureAwait(false);
        _host.WriteVerbose($"{action} {target} ({Describe(details)})");
        try
        {
            T result = await call().ConfigureAwait(false);
            await _journal.AppendAsync(deploymentId, action, target, JournalPhase.Succeeded, details).ConfigureAwait(false);
            return result;
        }
        catch (AwsServiceException ex) when (readBack != null && ex.OutcomeUnknown)
        {
            T? applied = await ReadBackAsync(deploymentId, action, target, details, ex, readBack).ConfigureAwait(false);
            if (applied == null) throw;
            return applied;
        }
        catch (Exception ex)
        {
            await _journal.AppendAsync(deploymentId, action, target, JournalPhase.Failed, details, ErrorText(ex)).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The change as AWS holds it after <paramref name="failure"/>, journaled; null when it did not happen.</summary>
    private async Task<T?> ReadBackAsync<T>(string deploymentId, string action, string target, IDictionary<string, string> details,
        AwsServiceException failure, ReadBack<T> readBack) where T : class
    {
        T? applied;
        try
        {
            applied = await readBack().ConfigureAwait(false);
        }
        catch (AwsServiceException readFailure)
        {
            await _journal.AppendAsync(deploymentId, action, target, JournalPhase.Failed, details,
                $"{ErrorText(failure)}; outcome unknown: reading it back failed too ({ErrorText(readFailure)})").ConfigureAwait(false);
            throw new RunbookException("OutcomeUnknown", RunbookErrorCategory.ConnectionError,
                $"{action} on {target} got no usable answer ({failure.ErrorCode}), and reading back what AWS holds failed too ({readFailure.ErrorCode}): " +
                "the change may or may not have been made. Nothing more was changed. Look at the target before you go on " +
                "(Get-LMAlias, aws lambda get-alias, aws secretsmanager describe-secret); re-running the command reads it again and goes on from there.",
                target, null, failure);
        }
        var outcome = new Dictionary<string, string>(details) { ["ReadBack"] = applied != null ? "applied" : "not applied" };
        if (applied != null)
        {
            _host.WriteVerbose($"{action} {target}: the answer was lost ({failure.ErrorCode}), but reading back shows the change was made");
            await _journal.AppendAsync(deploymentId, action, target, JournalPhase.Succeeded, outcome).ConfigureAwait(false);
        }
        else
        {
            await _journal.AppendAsync(deploymentId, action, target, JournalPhase.Failed, outcome, ErrorText(failure) + " (read back: not made)").ConfigureAwait(false);
        }
        return applied;
    }

    /// <summary>
    /// AwsServiceException messages carry only AWS's code and text; other exceptions are ours and
    /// never hold a value, so the message is safe to record.
    /// </summary>
    private static string ErrorText(Exception ex) => ex is AwsServiceException aws ? $"{aws.ErrorCode}: {aws.ServiceMessage}" : ex.Message;

    /// <summary>As above, for a call with no result; <paramref name="applied"/> reads whether its change is there.</summary>
    public Task RunAsync(string deploymentId, string action, string target,
        IDictionary<string, string> details, Func<Task> call, Func<Task<bool>>? applied = null) =>
        RunAsync<object>(deploymentId, action, target, details, async () =>
        {
            await call().ConfigureAwait(false);
            return Done;
        }, applied == null ? null : async () => await applied().ConfigureAwait(false) ? Done : null);

    private static readonly object Done = new object();

    private static string Describe(IDictionary<string, string> details)
    {
        var parts = new List<string>();
        foreach (var pair in details) parts.Add($"{pair.Key}={pair.Value}");
        return string.Join(", ", parts);
    }
}
