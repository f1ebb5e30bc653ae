using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
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

    public async Task<T> RunAsync<T>(string deploymentId, string action, string target,
        IDictionary<string, string> details, Func<Task<T>> call)
    {
        await _journal.AppendAsync(deploymentId, action, target, JournalPhase.Intent, details).ConfigureAwait(false);
        _host.WriteVerbose($"{action} {target} ({Describe(details)})");
        try
        {
            T result = await call().ConfigureAwait(false);
            await _journal.AppendAsync(deploymentId, action, target, JournalPhase.Succeeded, details).ConfigureAwait(false);
            return result;
        }
        catch (Exception ex)
        {
            // AwsServiceException messages carry only AWS's code and text; other exceptions
            // are ours and never hold a value, so the message is safe to record.
            await _journal.AppendAsync(deploymentId, action, target, JournalPhase.Failed, details,
                ex is AwsServiceException aws ? $"{aws.ErrorCode}: {aws.ServiceMessage}" : ex.Message).ConfigureAwait(false);
            throw;
        }
    }

    public Task RunAsync(string deploymentId, string action, string target,
        IDictionary<string, string> details, Func<Task> call) =>
        RunAsync<bool>(deploymentId, action, target, details, async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        });

    private static string Describe(IDictionary<string, string> details)
    {
        var parts = new List<string>();
        foreach (var pair in details) parts.Add($"{pair.Key}={pair.Value}");
        return string.Join(", ", parts);
    }
}
