using System;
using System.Threading.Tasks;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Hosting;
using RotationOps.Engine.Lambda;

namespace RotationOps.Engine.Canary;

/// <summary>
/// The waits AWS's own waiters do (botocore FunctionUpdatedV2: every 1 s up to 300 times;
/// PublishedVersionActive: every 5 s up to 312 times), on the host's clock, each with a
/// progress bar of its own so an operator sees what a deployment is waiting for.
/// </summary>
internal sealed class LambdaWaiter
{
    private static readonly TimeSpan UpdateInterval = TimeSpan.FromSeconds(1);
    private const int UpdateAttempts = 300;
    private static readonly TimeSpan ActiveInterval = TimeSpan.FromSeconds(5);
    private const int ActiveAttempts = 312;

    private readonly ILambdaClient _client;
    private readonly IRunbookHost _host;

    public LambdaWaiter(ILambdaClient client, IRunbookHost host)
    {
        _client = client;
        _host = host;
    }

    /// <summary>Until $LATEST's LastUpdateStatus is Successful; Failed is an error with AWS's reason.</summary>
    public Task<FunctionConfiguration> UntilUpdatedAsync(string functionName) => PollAsync(
        $"Waiting for the update of {functionName}", functionName, UpdateInterval, UpdateAttempts,
        () => _client.GetFunctionConfigurationAsync(functionName, null, _host.Cancellation),
        config => config.LastUpdateStatus == null || config.LastUpdateStatus == "Successful",
        config => $"LastUpdateStatus {config.LastUpdateStatus}",
        config => config.LastUpdateStatus == "Failed"
            ? new RunbookException("FunctionUpdateFailed", RunbookErrorCategory.InvalidResult,
                $"The update of {functionName} failed: {config.LastUpdateStatusReasonCode} {config.LastUpdateStatusReason}", functionName)
            : null,
        config => new RunbookException("FunctionUpdateTimeout", RunbookErrorCategory.OperationTimeout,
            $"{functionName} was still updating (LastUpdateStatus {config.LastUpdateStatus}) after {UpdateAttempts} checks.", functionName));

    /// <summary>Until a published version's State is Active; Failed is an error with AWS's reason.</summary>
    public Task<FunctionConfiguration> UntilActiveAsync(string functionName, string version) => PollAsync(
        $"Waiting for version {version} of {functionName} to become Active", $"{functionName}:{version}", ActiveInterval, ActiveAttempts,
        () => _client.GetFunctionConfigurationAsync(functionName, version, _host.Cancellation),
        config => config.State == null || config.State == "Active",
        config => $"State {config.State}",
        config => config.State == "Failed" || config.State == "Inactive"
            ? new RunbookException("VersionNotActive", RunbookErrorCategory.InvalidResult,
                $"Version {version} of {functionName} is {config.State}: {config.StateReasonCode} {config.StateReason}", functionName)
            : null,
        config => new RunbookException("VersionActivationTimeout", RunbookErrorCategory.OperationTimeout,
            $"Version {version} of {functionName} was still {config.State} after {ActiveAttempts} checks.", functionName));

    /// <summary>
    /// Reads until <paramref name="done"/>; a <paramref name="failed"/> state or running out of
    /// checks is an error. Progress shows the share of the waiter's checks used so far: AWS's
    /// waiters give up after a fixed count, and so does this one.
    /// </summary>
    private async Task<FunctionConfiguration> PollAsync(string activity, string target, TimeSpan interval, int attempts,
        Func<Task<FunctionConfiguration>> read, Func<FunctionConfiguration, bool> done, Func<FunctionConfiguration, string> describe,
        Func<FunctionConfiguration, RunbookException?> failed, Func<FunctionConfiguration, RunbookException> timedOut)
    {
        int activityId = ProgressUpdate.NextActivityId();
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                var config = await read().ConfigureAwait(false);
                if (done(config)) return config;
                if (failed(config) is RunbookException failure) throw failure;
                if (attempt >= attempts) throw timedOut(config);
                string state = describe(config);
                _host.WriteVerbose($"{target}: {state}; waiting");
                _host.WriteProgress(new ProgressUpdate(activityId, activity, $"{state} (check {attempt} of {attempts})")
                {
                    PercentComplete = 100 * attempt / attempts,
                });
                await _host.Time.Delay(interval, _host.Cancellation).ConfigureAwait(false);
            }
        }
        finally
        {
            _host.WriteProgress(new ProgressUpdate(activityId, activity, "Done") { Completed = true });
        }
    }
}
